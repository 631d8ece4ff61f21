// What the portal accepts as a supporting document, shared by the upload form (client) and the
// server-side inspection. Guide: « formats pdf, jpeg, gif ou png de 2Mo maximum ».

/** 2 Mo, as the database's CHECK on Document.size. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export const ACCEPTED_TYPES = {
  "application/pdf": { ext: "pdf", label: "PDF" },
  "image/jpeg": { ext: "jpg", label: "JPEG" },
  "image/gif": { ext: "gif", label: "GIF" },
  "image/png": { ext: "png", label: "PNG" },
} as const;

export type AcceptedMimeType = keyof typeof ACCEPTED_TYPES;

/** For the file input's `accept`: a hint to the picker only, the server decides. */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.gif,.png,application/pdf,image/jpeg,image/gif,image/png";

export const UPLOAD_MESSAGES = {
  empty: "Le fichier est vide : choisissez un autre fichier.",
  tooLarge:
    "Le fichier dépasse 2 Mo, la taille maximale acceptée : réduisez-le (par exemple en le numérisant avec une résolution plus faible) puis réessayez.",
  type: "Ce type de fichier n'est pas accepté : seuls les formats PDF, JPEG, GIF et PNG sont acceptés.",
  unreadable: "Le fichier est endommagé ou incomplet et ne peut pas être lu : enregistrez-le de nouveau puis réessayez.",
} as const;
