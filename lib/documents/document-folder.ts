// How the lists show a document: its type, and its folder — the child it concerns, or the family.
import { childName } from "@/lib/children/child-name";

/** What documentFolder and the type's label need, as a `select`. */
export const DOCUMENT_FOLDER_FIELDS = {
  type: { select: { label: true } },
  child: { select: { firstName: true, lastName: true } },
} as const;

export function documentFolder(document: { child: { lastName: string; firstName: string } | null }): string {
  return document.child ? childName(document.child) : "Famille";
}
