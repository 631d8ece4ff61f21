import { Panel } from "@/components/ui/panel";
import { staffCompleteness, type FamilyCompleteness } from "@/lib/families/completeness";

/** The family's or one child's part: its state, then what is missing, item by item. */
function CompletenessSection({
  id,
  testId,
  title,
  missing,
}: {
  id: string;
  testId?: string;
  title: string;
  missing: FamilyCompleteness["missing"];
}) {
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {missing.length ? (
        <ul className="mt-1 list-disc pl-5">
          {missing.map((item) => (
            <li key={item.code}>{item.label}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * "Lors de votre première connexion, vous devez vérifier, modifier et/ou compléter les
 * informations de votre famille pour avoir accès aux services": what is still missing, item by
 * item, for the family and for each child.
 */
export function CompletenessBlock({
  completeness: computed,
  audience = "family",
}: {
  completeness: FamilyCompleteness;
  audience?: "family" | "staff";
}) {
  const staff = audience === "staff";
  // Staff see no hint of the health data's content (staffCompleteness).
  const completeness = staff ? staffCompleteness(computed) : computed;
  const allComplete = completeness.complete && completeness.children.every((child) => child.complete);
  return (
    <Panel title={staff ? "Complétude du dossier" : "Dossier à compléter"}>
      {allComplete ? (
        <p className="text-green-800">
          {staff
            ? "✓ Le dossier est complet : tous les enfants peuvent être réservés."
            : "✓ Votre dossier est complet : vous pouvez réserver pour tous vos enfants."}
        </p>
      ) : (
        <div className="space-y-4">
          <p>
            {staff
              ? "Ce qui manque encore pour que la famille puisse réserver :"
              : "Complétez ces informations pour pouvoir réserver les services :"}
          </p>
          <CompletenessSection
            id="completeness-family"
            title={`Dossier famille : ${completeness.complete ? "complet ✓" : "à compléter"}`}
            missing={completeness.missing}
          />
          {completeness.children.map((child) => (
            <CompletenessSection
              key={child.childId}
              id={`completeness-${child.childId}`}
              testId={`completeness-${child.childId}`}
              title={`${child.name} : ${child.complete ? "fiche complète ✓" : "à compléter"}`}
              missing={child.missing}
            />
          ))}
        </div>
      )}
    </Panel>
  );
}
