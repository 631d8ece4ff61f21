import type { Metadata } from "next";

import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { LinkList } from "@/components/ui/link-list";
import { Panel } from "@/components/ui/panel";
import { recentLogins } from "@/lib/auth/auth-events";
import { parentPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Mon compte – dernières connexions" };

const ACCOUNT_LINKS = [
  { href: "/espace/compte/identifiant", label: "Modifier mon login (adresse mail)" },
  { href: "/espace/compte/mot-de-passe", label: "Modifier mon mot de passe" },
];

export default async function AccountPage() {
  const viewer = await parentPage();
  const logins = await recentLogins(getDb(), viewer.userId);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title="Mon compte" back={{ href: "/espace", label: "Retour à mon espace" }} />
      <Panel title="Informations du compte">
        <p>
          Identifiant : <strong>{viewer.email}</strong>
        </p>
        <LinkList links={ACCOUNT_LINKS} className="mt-2 flex flex-wrap gap-x-6 gap-y-2" linkClassName="text-brand underline" />
      </Panel>
      <Panel title="Dernières connexions">
        <p className="mb-3 text-sm">
          Les dix dernières connexions à votre compte. Si l&apos;une d&apos;elles ne vient pas de vous, modifiez votre mot de
          passe et prévenez le Guichet unique.
        </p>
        {logins.length === 0 ? (
          <p>Aucune connexion enregistrée.</p>
        ) : (
          <DataTable
            className="w-full text-left text-sm"
            caption="Dernières connexions à votre compte"
            look="ruled"
            columns={["Date", "Navigateur", "Adresse (lieu approximatif)"]}
          >
            {logins.map((login) => (
              <tr key={login.at.toISOString()} className="border-b border-gray-200">
                <td className="py-2 pr-3">{formatDateTime(login.at)}</td>
                <td className="py-2 pr-3">{login.browser}</td>
                <td className="py-2 break-all">{login.ip ?? "inconnue"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </div>
  );
}
