// The family record's own fields (COORDONNÉES, INFORMATIONS PERSONNELLES), selected the same way
// by the parent's form and the Guichet unique's family page.
export const FAMILY_RECORD_FIELDS = {
  civility: true,
  name: true,
  street: true,
  addressComplement: true,
  postalCode: true,
  city: true,
  homePhone: true,
  situation: true,
  allowanceNumber: true,
  allowanceHolder: true,
  benefitScheme: true,
} as const;
