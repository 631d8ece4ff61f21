// Who an invoice is made out to, copied onto it at issue (the stored invoice is authoritative):
// « Madame et Monsieur TEST » from the family's civility and name, and its postal address lines.

export type FamilyCivilityName = "M_ET_MME" | "M" | "MME" | "M_ET_M" | "MME_ET_MME";

const CIVILITY_WORDS: Record<FamilyCivilityName, string> = {
  M_ET_MME: "Madame et Monsieur",
  M: "Monsieur",
  MME: "Madame",
  M_ET_M: "Messieurs",
  MME_ET_MME: "Mesdames",
};

/** « Madame et Monsieur TEST »; « Famille TEST » when the civility is not known. */
export function billingName(family: { civility: FamilyCivilityName | null; name: string }): string {
  return `${family.civility ? CIVILITY_WORDS[family.civility] : "Famille"} ${family.name.trim()}`;
}

/** The address lines, one per line: street, complement, « 12000 RODEZ »; empty when unknown. */
export function billingAddress(family: {
  street: string | null;
  addressComplement: string | null;
  postalCode: string | null;
  city: string | null;
}): string {
  const town = [family.postalCode, family.city]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  return [family.street?.trim(), family.addressComplement?.trim(), town].filter(Boolean).join("\n");
}
