import Link from "next/link";

import { LogoutButton } from "@/components/auth/logout-button";
import type { TownSettingsView } from "@/lib/town/settings";

type Props = {
  town: TownSettingsView;
  viewer: { name: string; role: "PARENT" | "AGENT" | "ADMIN" } | null;
};

export function SiteHeader({ town, viewer }: Props) {
  const home = viewer ? (viewer.role === "PARENT" ? "/espace" : "/admin") : "/";
  return (
    <header className="bg-brand text-white no-print">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href={home} className="flex items-center gap-3">
          {town.logoUrl ? (
            // The town's name is written next to it: the logo itself is decorative.
            // eslint-disable-next-line @next/next/no-img-element -- served by our route, any size; next/image would re-encode it
            <img src={town.logoUrl} alt="" className="h-10 w-auto max-w-[8rem] rounded bg-white object-contain p-0.5" />
          ) : null}
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-bold tracking-wide uppercase">{town.portalName}</span>
            <span className="text-sm text-blue-100">{town.townName}</span>
          </span>
        </Link>
        {viewer ? (
          <nav aria-label="Mon compte" className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Connecté : <strong>{viewer.name}</strong>
            </span>
            {viewer.role === "PARENT" ? (
              <>
                <Link href="/espace" className="underline underline-offset-2 hover:no-underline">
                  Mon espace
                </Link>
                <Link href="/espace/factures" className="underline underline-offset-2 hover:no-underline">
                  Mes factures
                </Link>
              </>
            ) : (
              <Link href="/admin" className="underline underline-offset-2 hover:no-underline">
                Administration
              </Link>
            )}
            <LogoutButton />
          </nav>
        ) : null}
      </div>
    </header>
  );
}
