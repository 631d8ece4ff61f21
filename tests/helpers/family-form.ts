// The family record's form as it posts: each guardian's fields are named guardian<1|2><Field>.
const GUARDIAN_FIELDS = [
  "civility",
  "lastName",
  "firstName",
  "street",
  "addressComplement",
  "postalCode",
  "city",
  "homePhone",
  "workPhone",
  "mobilePhone",
  "birthDate",
  "birthPlace",
  "profession",
  "socioProfessionalCategory",
];

/** A guardian's fields as the form posts them: `values` where given, the others empty. */
export function guardianAnswers(position: 1 | 2, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    GUARDIAN_FIELDS.map((field) => [`guardian${position}${field[0].toUpperCase()}${field.slice(1)}`, values[field] ?? ""]),
  );
}

/** A child sheet's health, diet and contacts fields as its forms post them: a plain complete answer (no allergy, no PAI). */
export function childSheetCareAnswers(
  overrides: { doctorName?: string; emergencyContacts?: { name: string; relation: string; phone: string }[] } = {},
) {
  return {
    doctorName: "Dr X",
    doctorPhone: "05 65 00 00 00",
    allergies: "",
    hasPai: "NON",
    treatments: "",
    vaccinationsUpToDate: "OUI",
    remarks: "",
    dietKind: "AUCUN",
    dietDetails: "",
    emergencyContacts: [{ name: "X", relation: "Y", phone: "06 00 00 00 00" }],
    authorisedPersons: [],
    ...overrides,
  };
}
