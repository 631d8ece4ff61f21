/**
 * The user's file name, kept only as metadata (shown to the family and staff, and suggested
 * when downloading): no folders, no control characters, at most 200 characters.
 */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || "document";
}

/** « Rappelez le nom du document »: the family's name for it, or its file's name without extension. */
export function documentName(name: string | undefined, fileName: string, max = 120): string {
  const given = (name ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (given) return given.slice(0, max);
  const stem = cleanOriginalName(fileName)
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim();
  return (stem || "document").slice(0, max);
}

/** The download name: the original name, its extension replaced by the detected type's. */
export function downloadName(originalName: string, ext: string): string {
  const stem = originalName.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "document";
  return `${stem}.${ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
