import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { getFamilyDashboard } from "@/lib/families/dashboard";

export const metadata: Metadata = { title: "Mon espace" };

export default async function FamilyDashboardPage() {
  const viewer = await parentPage();
  const dashboard = await getFamilyDashboard(viewer, new Date());
  if (!dashboard) notFound();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Famille {dashboard.familyName}</h1>
      <div className="grid gap-6 md:grid-cols-2">
        <Panel title="Informations du compte">
          <ul className="list-disc space-y-1 pl-5">
            <li>Modifier les informations de la famille</li>
            <li>Modifier mon login (adresse mail)</li>
            <li>Modifier mon mot de passe</li>
          </ul>
          <p className="mt-3 text-sm text-muted">
            Ces formulaires arrivent prochainement ; en attendant, le Guichet unique met à jour votre dossier.
          </p>
        </Panel>

        <Panel title="Enfants">
          {dashboard.children.length === 0 ? (
            <p className="text-muted">Aucun enfant n&apos;est rattaché à votre famille.</p>
          ) : (
            <ul className="space-y-2" aria-label="Enfants de la famille">
              {dashboard.children.map((child) => (
                <li key={child.id} className="rounded border border-gray-200 px-3 py-2">
                  <span className="font-semibold">{child.displayName}</span> ({child.age})
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel title="Petite enfance">
        <p className="text-muted">Aucun élément</p>
      </Panel>

      <Panel title="Accueil de loisirs / Périscolaire / Restauration / Jeunesse / Sports vacances">
        <p className="text-muted">Aucune réservation pour le moment.</p>
      </Panel>

      <Panel title="Pièces justificatives à fournir">
        <p className="text-muted">Mes documents : aucun document transmis.</p>
      </Panel>
    </div>
  );
}
