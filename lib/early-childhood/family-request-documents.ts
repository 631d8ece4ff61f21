import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import type { DbClient } from "@/lib/db/client";
import type { DocumentStatus } from "@/lib/db/generated/client";

// The supporting documents of a crèche request (SPEC §7): certificat de grossesse (an « Enfant à
// naître ») or acte de naissance (a child), justificatif de domicile, dernier avis d'imposition —
// or the family's CAF number, from its record. Sent through the documents module, linked to the
// request (Document.earlyChildhoodRequestId). The guide lets a family send its request first and
// complete it later: the page shows what is missing, it does not block « Envoyer la demande ».

type FamilyScope = Pick<ParentViewer, "familyId">;

export const REQUEST_DOCUMENT_CODES = ["CERTIFICAT_GROSSESSE", "ACTE_NAISSANCE", "JUSTIFICATIF_DOMICILE", "AVIS_IMPOSITION"];

export type RequiredDocumentState = {
  key: "birth" | "domicile" | "income";
  label: string;
  /** The latest document sent for it with this request, if any. */
  sent: { name: string; status: DocumentStatus; refusalReason: string | null } | null;
  /** Satisfied without a document (the CAF number of the family record). */
  coveredBy: string | null;
  /** Still to send: nothing sent, or the one sent was refused. */
  missing: boolean;
};

export type RequestDocuments = {
  required: RequiredDocumentState[];
  /** The types the request's upload form offers. */
  typeIds: string[];
};

export async function loadRequestDocuments(
  db: DbClient,
  viewer: FamilyScope,
  request: { id: string; unborn: boolean },
): Promise<RequestDocuments> {
  const [types, documents, family] = await Promise.all([
    db.documentType.findMany({
      where: { code: { in: REQUEST_DOCUMENT_CODES }, active: true },
      select: { id: true, code: true, label: true },
    }),
    db.document.findMany({
      where: { familyId: viewer.familyId, earlyChildhoodRequestId: request.id },
      orderBy: { uploadedAt: "desc" },
      select: { name: true, status: true, refusalReason: true, type: { select: { code: true } } },
    }),
    db.family.findUnique({
      where: { id: viewer.familyId },
      select: { allowanceNumber: true, benefitScheme: true },
    }),
  ]);
  const label = (code: string, fallback: string) => types.find((type) => type.code === code)?.label ?? fallback;
  const latest = (code: string) => {
    const document = documents.find((candidate) => candidate.type.code === code);
    return document ? { name: document.name, status: document.status, refusalReason: document.refusalReason } : null;
  };
  const state = (key: RequiredDocumentState["key"], code: string, fallback: string, coveredBy: string | null = null) => {
    const sent = latest(code);
    return {
      key,
      label: label(code, fallback),
      sent,
      coveredBy: sent && sent.status !== "REFUSED" ? null : coveredBy,
      missing: !coveredBy && (!sent || sent.status === "REFUSED"),
    };
  };
  const caf =
    family?.benefitScheme === "CAF" && family.allowanceNumber
      ? `N° allocataire CAF ${family.allowanceNumber} (fiche famille)`
      : null;
  const birthCode = request.unborn ? "CERTIFICAT_GROSSESSE" : "ACTE_NAISSANCE";
  return {
    required: [
      state("birth", birthCode, request.unborn ? "Certificat de grossesse" : "Acte de naissance"),
      state("domicile", "JUSTIFICATIF_DOMICILE", "Justificatif de domicile"),
      { ...state("income", "AVIS_IMPOSITION", "Dernier avis d'imposition", caf), label: "Dernier avis d'imposition ou n° CAF" },
    ],
    typeIds: types
      .filter((type) => type.code !== (request.unborn ? "ACTE_NAISSANCE" : "CERTIFICAT_GROSSESSE"))
      .map((type) => type.id),
  };
}
