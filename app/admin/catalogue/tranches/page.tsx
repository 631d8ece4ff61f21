import type { Metadata } from "next";

import { ActionForm } from "@/components/admin/action-form";
import { CreateQfBracketForm, EditQfBracketForm } from "@/components/admin/qf-bracket-form";
import { EditDisclosure, ItemList } from "@/components/layout/item-list";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listQfBrackets } from "@/lib/catalogue/qf-brackets";
import { bracketRangeLabel } from "@/lib/catalogue/unit-rules";
import { getDb } from "@/lib/db/client";

import { createQfBracketAction, deleteQfBracketAction, updateQfBracketAction } from "./actions";

export const metadata: Metadata = { title: "Tranches de quotient familial" };

export default async function QfBracketsPage() {
  const viewer = await staffPage();
  const db = getDb();
  const brackets = await listQfBrackets(db, viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Tranches de quotient familial" back={{ href: "/admin/catalogue", label: "Catalogue" }} />
      <p className="max-w-3xl">
        Le tarif d&apos;une unité dépend de la tranche du quotient familial de la famille. Le minimum est inclus, le maximum exclu
        : « de 400 à 700 (exclu) » couvre les QF 400 à 699. Les tranches ne doivent pas se chevaucher ; la dernière n&apos;a pas
        de maximum.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Tranches">
          <ItemList items={brackets} empty="Aucune tranche." itemClassName="space-y-2 py-3">
            {(bracket) => (
              <>
                <p>
                  <span className="font-semibold">{bracket.label}</span> – QF {bracketRangeLabel(bracket)} –{" "}
                  {bracket._count.tariffs} tarif(s)
                </p>
                <EditDisclosure name={bracket.label}>
                  <div className="mt-2">
                    <EditQfBracketForm
                      action={updateQfBracketAction}
                      bracket={{ id: bracket.id, label: bracket.label, minQf: bracket.minQf, maxQf: bracket.maxQf }}
                    />
                  </div>
                </EditDisclosure>
                <ActionForm
                  action={deleteQfBracketAction}
                  submitLabel={`Supprimer « ${bracket.label} »`}
                  variant="danger"
                  confirmMessage={`Supprimer la tranche « ${bracket.label} » ? ${bracket._count.tariffs} tarif(s) d'unités pour cette tranche seront supprimés.`}
                >
                  <input type="hidden" name="id" value={bracket.id} />
                </ActionForm>
              </>
            )}
          </ItemList>
        </Panel>
        <Panel title="Nouvelle tranche">
          <CreateQfBracketForm action={createQfBracketAction} />
        </Panel>
      </div>
    </div>
  );
}
