import { Panel } from "@/components/ui/panel";

/** INFORMATIONS DU COMPTE — owned by the family-record issue. */
export function AccountBlock() {
  return (
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
  );
}
