// The town's settings the admin edits, read the same way by the admin form and by every page's
// header and footer.
export const TOWN_SETTINGS_FIELDS = {
  townName: true,
  portalName: true,
  guichetName: true,
  guichetPhone: true,
  guichetEmail: true,
  guichetAddress: true,
  guichetHours: true,
  primaryColor: true,
} as const;

/** Until the admin first saves them (no row yet): the portal's own names and colour, no contacts. */
export const DEFAULT_TOWN_SETTINGS = {
  portalName: "Portail Familles",
  guichetName: "Guichet unique",
  guichetPhone: "",
  guichetEmail: "",
  guichetAddress: "",
  guichetHours: "",
  primaryColor: "#1e3a6e",
};
