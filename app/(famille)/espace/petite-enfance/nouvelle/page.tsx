import type { Metadata } from "next";

import { FamilyRequestForm } from "@/components/early-childhood/family-request-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getRequestFormChoices } from "@/lib/early-childhood/family-requests";

import { saveRequestAction } from "../actions";

export const metadata: Metadata = { title: "Nouvelle demande d'inscription" };

// « Nouvelle demande d'inscription » en crèche (SPEC §7): saved as a draft or sent at once.
export default async function NewFamilyRequestPage() {
  const viewer = await parentPage();
  const choices = await getRequestFormChoices(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Nouvelle demande d'inscription"
        back={{ href: "/espace/petite-enfance", label: "Mes demandes en crèche" }}
      />
      <Panel title="Demande de place en crèche">
        {choices.creches.length === 0 ? (
          <p>Aucune crèche n&apos;accepte de demande pour le moment : contactez le Guichet unique.</p>
        ) : (
          <FamilyRequestForm action={saveRequestAction} choices={choices} />
        )}
      </Panel>
    </div>
  );
}
