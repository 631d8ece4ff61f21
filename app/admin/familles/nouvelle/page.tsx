import type { Metadata } from "next";

import { CreateFamilyForm } from "@/components/admin/create-family-form";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";

import { createFamilyAction } from "../actions";

export const metadata: Metadata = { title: "Créer une famille" };

export default async function NewFamilyPage() {
  await staffPage();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold text-brand">Créer une famille</h1>
      <Panel title="Famille et compte parent">
        <p className="mb-3 text-muted">
          Le parent reçoit un e-mail avec un lien pour choisir son mot de passe (valable 7 jours).
        </p>
        <CreateFamilyForm action={createFamilyAction} />
      </Panel>
    </div>
  );
}
