// The kinds of a service's published document (home page, Contenus), one wording everywhere.
export type ServiceDocumentKindName = "REGLEMENT" | "TARIFS" | "PROGRAMME";

export const SERVICE_DOCUMENT_KIND_LABELS: Record<ServiceDocumentKindName, string> = {
  REGLEMENT: "Règlement",
  TARIFS: "Tarifs",
  PROGRAMME: "Programme",
};

export const SERVICE_DOCUMENT_KIND_CHOICES = (Object.keys(SERVICE_DOCUMENT_KIND_LABELS) as ServiceDocumentKindName[]).map(
  (value) => ({
    value,
    label: SERVICE_DOCUMENT_KIND_LABELS[value],
  }),
);
