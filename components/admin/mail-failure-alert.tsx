import Link from "next/link";

import { formatDateTime } from "@/lib/dates/calendar-day";

/**
 * The admin home's (and the page « Envois »'s) alert when mails have been failing for more than an
 * hour (lib/mail/failing-mail-rule.ts): how many, since when; an administrator is sent to
 * « Envois », an agent is asked to warn one. Nothing when no mail is failing.
 */
export function MailFailureAlert({
  count,
  since,
  role,
  showLink = true,
}: {
  count: number;
  since: Date | null;
  role: "AGENT" | "ADMIN";
  showLink?: boolean;
}) {
  if (count === 0) return null;
  const mails = count === 1 ? "1 e-mail n'a pas pu être envoyé" : `${count} e-mails n'ont pas pu être envoyés`;
  return (
    <div role="alert" className="rounded border-l-4 border-accent-dark bg-red-50 px-4 py-3 text-red-900">
      <p className="font-semibold">
        {mails} (en échec depuis plus d&apos;une heure, ou abandonnés)
        {since ? ` ; le plus ancien a été écrit le ${formatDateTime(since)}` : ""}.
      </p>
      {role === "ADMIN" ? (
        showLink ? (
          <p>
            Voyez l&apos;erreur et renvoyez-les depuis la page{" "}
            <Link href="/admin/envois?etat=en-echec" className="font-semibold underline">
              Envois
            </Link>
            .
          </p>
        ) : null
      ) : (
        <p>
          Prévenez un administrateur du portail : il peut voir l&apos;erreur et renvoyer ces e-mails depuis sa page « Envois ».
        </p>
      )}
    </div>
  );
}
