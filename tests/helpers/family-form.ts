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
