// How the lists show a document: its type, and its folder — the child it concerns, or the family.

/** What documentFolder and the type's label need, as a `select`. */
export const DOCUMENT_FOLDER_FIELDS = {
  type: { select: { label: true } },
  child: { select: { firstName: true, lastName: true } },
} as const;

/** A child's name as the documents' folders show it: DUPONT ZOÉ. */
export const childFolderName = (child: { lastName: string; firstName: string }) =>
  `${child.lastName} ${child.firstName}`.toUpperCase();

export function documentFolder(document: { child: { lastName: string; firstName: string } | null }): string {
  return document.child ? childFolderName(document.child) : "Famille";
}
