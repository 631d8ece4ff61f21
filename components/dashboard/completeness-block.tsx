import { Panel } from "@/components/ui/panel";
import { staffCompleteness, type FamilyCompleteness } from "@/lib/families/completeness";

/**
 * "Lors de votre première connexion, vous devez vérifier, modifier et/ou compléter les
 * informations de votre famille pour avoir accès aux services": what is still missing, item by
 * item, for the family and for each child.
 */
export function CompletenessBlock({ completeness: computed, audience = "family" }: { completeness: FamilyCompleteness; audience?: "family" | "staff" }) {
  const staff = audience === "staff";
  // Staff see no hint of the health data's content (staffCompleteness).
  const completeness = staff ? staffCompleteness(computed) : computed;
  const allComplete = completeness.complete && completeness.children.every((child) => child.complete);
  return (
    <Panel title={staff ? "Complétude du dossier" : "Dossier à compléter"}>
      {allComplete ? (
        <p className="text-green-800">
          {staff ? "✓ Le dossier est complet : tous les enfants peuvent être réservés." : "✓ Votre dossier est complet : vous pouvez réserver pour tous vos enfants."}
        </p>
      ) : (
        <div className="space-y-4">
          <p>{staff ? "Ce qui manque encore pour que la famille puisse réserver :" : "Complétez ces informations pour pouvoir réserver les services :"}</p>
          <section aria-labelledby="completeness-family">
            <h3 id="completeness-family" className="font-semibold">
              Dossier famille : {completeness.complete ? "complet ✓" : "à compléter"}
            </h3>
            {completeness.missing.length ? (
              <ul className="mt-1 list-disc pl-5">
                {completeness.missing.map((item) => (
                  <li key={item.code}>{item.label}</li>
                ))}
              </ul>
            ) : null}
          </section>
          {completeness.children.map((child) => (
            <section key={child.childId} aria-labelledby={`completeness-${child.childId}`} data-testid={`completeness-${child.childId}`}>
              <h3 id={`completeness-${child.childId}`} className="font-semibold">
                {child.name} : {child.complete ? "fiche complète ✓" : "à compléter"}
              </h3>
              {child.missing.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {child.missing.map((item) => (
                    <li key={item.code}>{item.label}</li>
                  ))}
                </ul>
              ) : null}
            </section>
          ))}
        </div>
      )}
    </Panel>
  );
}
