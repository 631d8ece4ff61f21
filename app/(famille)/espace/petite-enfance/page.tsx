import type { Metadata } from "next";
import Link from "next/link";

import { CardCell, cardLinkClassName, CardRow, CardTable } from "@/components/ui/card-table";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listFamilyRequests } from "@/lib/early-childhood/family-requests";

export const metadata: Metadata = { title: "Mes demandes en crèche" };

const COLUMNS = ["Enfant", "Crèches souhaitées", "Entrée souhaitée", "État", "Voir"];

// The family's crèche requests and their states (SPEC §7), newest first, and « Nouvelle demande d'inscription ».
export default async function FamilyRequestsPage() {
  const viewer = await parentPage();
  const requests = await listFamilyRequests(getDb(), viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Mes demandes en crèche</h1>
      <p>
        <Link
          href="/espace/petite-enfance/nouvelle"
          className="inline-block rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark"
        >
          Nouvelle demande d&apos;inscription
        </Link>
      </p>
      <Panel title="Petite enfance">
        {requests.length === 0 ? (
          <p className="text-muted">Aucune demande d&apos;inscription en crèche.</p>
        ) : (
          <CardTable
            caption="Vos demandes d'inscription en crèche, de la plus récente à la plus ancienne"
            look="ruled"
            columns={COLUMNS}
          >
            {requests.map((request) => (
              <CardRow key={request.id}>
                <CardCell label="Enfant">{request.childLabel}</CardCell>
                <CardCell label="Crèches souhaitées">{request.creches.join(", ")}</CardCell>
                <CardCell label="Entrée souhaitée">{request.wishedStartOn}</CardCell>
                <CardCell label="État" first>
                  <span className="font-semibold">{request.statusLabel}</span>
                  {request.detail ? <span className="block text-sm">{request.detail}</span> : null}
                </CardCell>
                <CardCell>
                  <Link
                    href={`/espace/petite-enfance/${request.id}`}
                    className={`text-brand underline ${cardLinkClassName}`}
                    aria-label={`Voir la demande pour ${request.childLabel}`}
                  >
                    Voir
                  </Link>
                </CardCell>
              </CardRow>
            ))}
          </CardTable>
        )}
      </Panel>
      <Link href="/espace" className="inline-block rounded border border-brand px-5 py-2 font-bold text-brand">
        Retour à mon espace
      </Link>
    </div>
  );
}
