// Where the parent is in the guide's six steps of "Nouvelle réservation".
const STEPS = [
  "Choix de l'enfant",
  "Choix de l'établissement et de la période",
  "Votre sélection",
  "Planning",
  "Récapitulatif de votre demande",
  "Demande de réservation enregistrée",
];

export function WizardSteps({ current, selection }: { current: number; selection?: string }) {
  return (
    <div className="mb-4 space-y-2">
      <p className="text-sm text-muted">
        Étape {current} sur {STEPS.length} : {STEPS[current - 1]}
      </p>
      <ol className="sr-only">
        {STEPS.map((step, index) => (
          <li key={step} aria-current={index + 1 === current ? "step" : undefined}>
            {step}
          </li>
        ))}
      </ol>
      {selection ? (
        <p className="rounded bg-white px-3 py-2 text-sm shadow-sm">
          <span className="font-semibold">Votre sélection</span> {selection}
        </p>
      ) : null}
    </div>
  );
}
