// The staff roles as the Guichet unique's pages name them.
export type StaffRoleName = "AGENT" | "ADMIN";

/** In a sentence: « Bonjour … (agent) », a member of the staff list. */
export const STAFF_ROLE_LABELS: Record<StaffRoleName, string> = { AGENT: "agent", ADMIN: "administrateur" };

/** A staff list's role (a database Role, filtered to the staff): anything but an admin is an agent. */
export const staffRoleLabel = (role: string): string => (role === "ADMIN" ? STAFF_ROLE_LABELS.ADMIN : STAFF_ROLE_LABELS.AGENT);

/** The role's choices in the staff forms, with what each may do. */
export const STAFF_ROLE_CHOICES: { value: StaffRoleName; label: string }[] = [
  { value: "AGENT", label: "Agent (opérations)" },
  { value: "ADMIN", label: "Administrateur (opérations, personnel, paramètres)" },
];
