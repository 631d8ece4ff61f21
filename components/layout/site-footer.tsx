import { MailLink, PhoneLink } from "@/components/layout/contact-links";
import type { TownSettingsView } from "@/lib/town/settings";

export function SiteFooter({ town }: { town: TownSettingsView }) {
  return (
    <footer className="no-print mt-8 border-t border-gray-300 bg-white text-sm text-muted">
      <div className="mx-auto grid w-full max-w-6xl gap-2 px-4 py-5 sm:grid-cols-2 sm:px-6">
        <div>
          <p className="font-semibold text-ink">Service {town.guichetName}</p>
          {town.guichetAddress ? <p>{town.guichetAddress}</p> : null}
          {town.guichetHours ? <p>{town.guichetHours}</p> : null}
        </div>
        <div className="sm:text-right">
          {town.guichetPhone ? (
            <p>
              Téléphone : <PhoneLink phone={town.guichetPhone} />
            </p>
          ) : null}
          {town.guichetEmail ? (
            <p>
              Courriel : <MailLink email={town.guichetEmail} />
            </p>
          ) : null}
          <p className="mt-1">© {town.townName}</p>
        </div>
      </div>
    </footer>
  );
}
