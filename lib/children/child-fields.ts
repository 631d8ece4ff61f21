// A child's own fields, selected the same way by the parent's sheet, the Guichet unique's pages
// and the health-read audit.

/** « Informations de l'enfant »: identity and schooling, no health data. */
export const CHILD_IDENTITY_FIELDS = {
  lastName: true,
  firstName: true,
  sex: true,
  birthDate: true,
  schoolId: true,
  schoolLevel: true,
  schoolClass: true,
} as const;

/** The four authorisations the family answers under its « J'accepte ». */
export const CHILD_AUTHORISATION_FIELDS = {
  authEmergencyCare: true,
  authPhotos: true,
  authLeaveAlone: true,
  authTransport: true,
} as const;

/** « Renseignements médicaux » and the diet: the health row, read only with an audit entry. */
export const CHILD_HEALTH_FIELDS = {
  doctorName: true,
  doctorPhone: true,
  allergies: true,
  hasPai: true,
  treatments: true,
  vaccinationsUpToDate: true,
  remarks: true,
  dietKind: true,
  dietDetails: true,
} as const;
