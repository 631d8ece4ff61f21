// A period's validation mode (SPEC §5: automatic, or a waiting list the service decides), in the
// three places the staff meet it.
export type ValidationModeName = "AUTO" | "MANUAL";

/** In the catalogue's table of periods. */
export const VALIDATION_MODE_LABELS: Record<ValidationModeName, string> = { AUTO: "Automatique", MANUAL: "Manuelle" };

/** On a period's page. */
export const VALIDATION_MODE_DETAIL_LABELS: Record<ValidationModeName, string> = {
  AUTO: "Automatique",
  MANUAL: "Manuelle (file d'attente)",
};

/** The period form's choices, with what each means. */
export const VALIDATION_MODE_CHOICES: { value: ValidationModeName; label: string }[] = [
  { value: "AUTO", label: "Automatique (réservation acceptée aussitôt)" },
  { value: "MANUAL", label: "Manuelle (le service valide chaque demande)" },
];
