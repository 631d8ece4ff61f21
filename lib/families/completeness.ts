// What a family still has to fill in before its children can be booked (SPEC §3 "First-login
// gate"): the family record, and for each child the sheet, the authorisations and the
// mandatory documents. Pure: it takes plain values, so the dashboard checklist, the booking
// wizard and the server's booking transaction all give the same answer.

import { childName } from "@/lib/children/child-name";

import { FAMILY_CONSENTS, RENEWED_CONSENT_LABELS, type ConsentKindName } from "./consent-labels";

export type CompletenessFamily = {
  civility: string | null;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  homePhone: string | null;
  situation: string | null;
  benefitScheme: string | null;
  guardians: {
    position: number;
    lastName: string;
    firstName: string;
    homePhone: string | null;
    mobilePhone: string | null;
    workPhone: string | null;
  }[];
  /** Versions of each text the family has accepted. */
  acceptedConsents: { kind: ConsentKindName; version: number; childId: string | null }[];
};

export type CompletenessChild = {
  id: string;
  firstName: string;
  lastName: string;
  sex: string | null;
  schoolId: string | null;
  schoolLevel: string | null;
  health: {
    doctorName: string | null;
    doctorPhone: string | null;
    hasPai: boolean | null;
    vaccinationsUpToDate: boolean | null;
    dietKind: string | null;
    dietDetails: string | null;
  } | null;
  emergencyContactCount: number;
  authorisations: {
    emergencyCare: boolean | null;
    photos: boolean | null;
    leaveAlone: boolean | null;
    transport: boolean | null;
  };
  documents: { typeId: string; status: "SUBMITTED" | "ACCEPTED" | "REFUSED"; refusalReason: string | null; uploadedAt: Date }[];
  /** The services (activity ids) the child has booked (pending or accepted) or is being booked into. */
  activityIds?: string[];
};

/** A mandatory type; with `activityIds`, only for the children (and families) booking one of those services. */
export type MandatoryDocumentType = { id: string; code: string; label: string; activityIds?: string[] };

/** Whether a mandatory type applies to someone booking these services: always when it names none. */
function requiredFor(type: MandatoryDocumentType, activityIds: readonly string[] = []): boolean {
  return !type.activityIds?.length || type.activityIds.some((id) => activityIds.includes(id));
}

export type CompletenessInput = {
  family: CompletenessFamily;
  children: CompletenessChild[];
  /** The version in force of each consent text (a new version asks again). */
  currentConsentVersions: Partial<Record<ConsentKindName, number>>;
  /** Document types every child must have accepted (the vaccination record), or those booking some services. */
  mandatoryChildDocumentTypes: MandatoryDocumentType[];
  /** Document types the family must have accepted (none in the demo town). */
  mandatoryFamilyDocumentTypes: MandatoryDocumentType[];
  familyDocuments: CompletenessChild["documents"];
};

export type MissingItem = {
  /** Stable code, e.g. "family.address", "child.health", "document.CARNET_VACCINATION". */
  code: string;
  /** French, shown as is in the checklist. */
  label: string;
  /** Where the parent fixes it. */
  section: "famille" | "enfant" | "documents";
  /** A statement accepted before whose new version is now asked (the dashboard's banner). */
  renewed?: true;
};

export type ChildCompleteness = { childId: string; name: string; complete: boolean; bookable: boolean; missing: MissingItem[] };
export type FamilyCompleteness = { complete: boolean; missing: MissingItem[]; children: ChildCompleteness[] };

const blank = (value: string | null | undefined) => !value || value.trim() === "";

/**
 * Whether the text in force of `kind` is accepted (by the family, or by it for `childId`): "current",
 * "renewed" when only an earlier version was (a new version asks again), "missing" otherwise.
 */
function consentState(
  accepted: CompletenessFamily["acceptedConsents"],
  current: CompletenessInput["currentConsentVersions"],
  kind: ConsentKindName,
  childId: string | null,
): "current" | "renewed" | "missing" {
  const version = current[kind];
  if (version === undefined) return "current"; // no text in force: nothing to accept
  const own = accepted.filter((consent) => consent.kind === kind && consent.childId === childId);
  if (own.some((consent) => consent.version === version)) return "current";
  return own.length > 0 ? "renewed" : "missing";
}

/** The state of one mandatory document type, from the newest upload of that type. */
function documentItem(type: MandatoryDocumentType, documents: CompletenessChild["documents"]): MissingItem | null {
  const latest = documents
    .filter((document) => document.typeId === type.id)
    .sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime());
  if (latest.some((document) => document.status === "ACCEPTED")) return null;
  const code = `document.${type.code}`;
  if (latest[0]?.status === "SUBMITTED") {
    return { code, label: `${type.label} : transmis, en attente de validation par le Guichet unique`, section: "documents" };
  }
  if (latest[0]?.status === "REFUSED") {
    const reason = latest[0].refusalReason ? ` (${latest[0].refusalReason})` : "";
    return { code, label: `${type.label} : document refusé${reason}, à fournir de nouveau`, section: "documents" };
  }
  return { code, label: `${type.label} : à fournir`, section: "documents" };
}

export function familyMissingItems(input: CompletenessInput): MissingItem[] {
  const { family } = input;
  const missing: MissingItem[] = [];
  const item = (code: string, label: string) => missing.push({ code: `family.${code}`, label, section: "famille" });

  if (blank(family.civility) || blank(family.name)) item("identity", "Coordonnées : civilité et nom de famille");
  if (blank(family.street) || blank(family.postalCode) || blank(family.city))
    item("address", "Coordonnées : adresse complète (n° et rue, code postal, ville)");
  if (blank(family.situation)) item("situation", "Informations personnelles : situation familiale");
  if (blank(family.benefitScheme)) item("scheme", "Informations personnelles : régime (CAF, MSA, autres)");

  const first = family.guardians.find((guardian) => guardian.position === 1);
  if (!first || blank(first.lastName) || blank(first.firstName)) {
    item("guardian", "Les parents : nom et prénom du responsable 1");
  }
  const phones = [family.homePhone, ...family.guardians.flatMap((g) => [g.homePhone, g.mobilePhone, g.workPhone])];
  if (phones.every(blank)) item("phone", "Au moins un numéro de téléphone pour vous joindre");

  for (const consent of FAMILY_CONSENTS) {
    const state = consentState(family.acceptedConsents, input.currentConsentVersions, consent.kind, null);
    if (state === "renewed") {
      missing.push({
        code: `family.consent.${consent.kind}`,
        label: RENEWED_CONSENT_LABELS[consent.kind],
        section: "famille",
        renewed: true,
      });
    } else if (state === "missing") item(`consent.${consent.kind}`, consent.label);
  }
  const familyActivityIds = input.children.flatMap((child) => child.activityIds ?? []);
  for (const type of input.mandatoryFamilyDocumentTypes) {
    if (!requiredFor(type, familyActivityIds)) continue;
    const document = documentItem(type, input.familyDocuments);
    if (document) missing.push(document);
  }
  return missing;
}

export function childMissingItems(input: CompletenessInput, child: CompletenessChild): MissingItem[] {
  const missing: MissingItem[] = [];
  const item = (code: string, label: string) => missing.push({ code: `child.${code}`, label, section: "enfant" });

  if (blank(child.sex)) item("identity", "Informations de l'enfant : sexe");
  if (blank(child.schoolId) || blank(child.schoolLevel)) item("school", "Informations de l'enfant : école et classe");

  const health = child.health;
  if (!health || blank(health.doctorName) || blank(health.doctorPhone))
    item("doctor", "Renseignements médicaux : médecin traitant (nom et téléphone)");
  if (!health || health.hasPai === null || health.vaccinationsUpToDate === null) {
    item("medical", "Renseignements médicaux : PAI et vaccinations à jour");
  }
  if (!health || blank(health.dietKind)) item("diet", "Régime alimentaire : à préciser (aucun, sans porc…)");
  else if ((health.dietKind === "AUTRE" || health.dietKind === "ALLERGIE_PAI") && blank(health.dietDetails)) {
    item("diet", "Régime alimentaire : précisez le régime");
  }
  if (child.emergencyContactCount === 0) item("emergency", "Au moins une personne à contacter en cas d'urgence");

  const { authorisations } = child;
  if (Object.values(authorisations).some((answer) => answer === null))
    item("authorisations", "Autorisations : répondre à chaque autorisation");
  const consent = consentState(input.family.acceptedConsents, input.currentConsentVersions, "AUTORISATIONS_ENFANT", child.id);
  if (consent === "renewed") {
    missing.push({
      code: "child.authorisations-consent",
      label: RENEWED_CONSENT_LABELS.AUTORISATIONS_ENFANT,
      section: "enfant",
      renewed: true,
    });
  } else if (consent === "missing") item("authorisations-consent", "Autorisations : cocher « J'accepte »");

  for (const type of input.mandatoryChildDocumentTypes) {
    if (!requiredFor(type, child.activityIds)) continue;
    const document = documentItem(type, child.documents);
    if (document) missing.push(document);
  }
  return missing;
}

export function computeCompleteness(input: CompletenessInput): FamilyCompleteness {
  const familyMissing = familyMissingItems(input);
  const familyComplete = familyMissing.length === 0;
  return {
    complete: familyComplete,
    missing: familyMissing,
    children: input.children.map((child) => {
      const missing = childMissingItems(input, child);
      return {
        childId: child.id,
        name: childName(child),
        complete: missing.length === 0,
        bookable: familyComplete && missing.length === 0,
        missing,
      };
    }),
  };
}

// The missing items that depend on the content of health data: « précisez le régime » only
// appears for an allergy (PAI) or « autre » diet, for instance.
const HEALTH_ITEM_CODES = new Set(["child.doctor", "child.medical", "child.diet"]);
export const STAFF_HEALTH_ITEM: MissingItem = {
  code: "child.health",
  label: "Renseignements médicaux ou régime alimentaire à compléter",
  section: "enfant",
};

/**
 * The completeness as the Guichet unique's family page shows it: every health or diet item of a
 * child collapsed into one neutral item, so the list reveals nothing of the health data's content
 * (reading it is an audited, explicit action).
 */
export function staffCompleteness(completeness: FamilyCompleteness): FamilyCompleteness {
  return {
    ...completeness,
    children: completeness.children.map((child) => {
      // The first health item becomes the neutral one, in its place; the others are dropped.
      const firstHealth = child.missing.findIndex((item) => HEALTH_ITEM_CODES.has(item.code));
      const missing = child.missing.flatMap((item, index) =>
        index === firstHealth ? [STAFF_HEALTH_ITEM] : HEALTH_ITEM_CODES.has(item.code) ? [] : [item],
      );
      return { ...child, missing };
    }),
  };
}
