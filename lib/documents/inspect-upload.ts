// Decides from the file's bytes alone (magic numbers and structure) whether an uploaded
// supporting document is accepted: never from its name or the browser's declared type.
// Guide: « formats pdf, jpeg, gif ou png de 2Mo maximum ».
// "file-type/core": the buffer API without Node streams, resolvable by jest as well as Next.
import { fileTypeFromBuffer } from "file-type/core";

import { AppError } from "@/lib/errors";

import { ACCEPTED_TYPES, MAX_DOCUMENT_BYTES, UPLOAD_MESSAGES, type AcceptedMimeType } from "./upload-rules";

export type UploadRefusal = keyof typeof UPLOAD_MESSAGES;

export type InspectionResult =
  { ok: true; mimeType: AcceptedMimeType; ext: string } | { ok: false; reason: UploadRefusal; message: string };

/** A file refused for its bytes: the upload form shows the message on the file field. */
export class UploadRefusedError extends AppError {
  constructor(readonly reason: UploadRefusal) {
    super("UPLOAD_REFUSED", UPLOAD_MESSAGES[reason]);
  }
}

const refuse = (reason: UploadRefusal): InspectionResult => ({ ok: false, reason, message: UPLOAD_MESSAGES[reason] });

const ascii = (value: string) => Uint8Array.from(value, (char) => char.charCodeAt(0));

function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = Math.max(0, from); i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const TAIL = 1024;

/** A PNG is its signature, an IHDR chunk of 13 bytes first, and an IEND chunk last. */
function pngIsWhole(bytes: Uint8Array): boolean {
  if (bytes.length < 8 + 25 + 12) return false;
  const ihdrLength = (bytes[8] << 24) | (bytes[9] << 16) | (bytes[10] << 8) | bytes[11];
  if (ihdrLength !== 13 || indexOf(bytes.subarray(12, 16), ascii("IHDR")) !== 0) return false;
  const iend = bytes.subarray(bytes.length - 12);
  return indexOf(iend, Uint8Array.of(0, 0, 0, 0, ...ascii("IEND"), 0xae, 0x42, 0x60, 0x82)) === 0;
}

/** A JPEG starts with SOI (FF D8) and ends with EOI (FF D9), give or take trailing padding. */
function jpegIsWhole(bytes: Uint8Array): boolean {
  return (
    bytes.length > 4 &&
    bytes[0] === 0xff &&
    bytes[1] === 0xd8 &&
    indexOf(bytes, Uint8Array.of(0xff, 0xd9), bytes.length - TAIL) !== -1
  );
}

/** A GIF ends with its trailer byte 0x3B. */
function gifIsWhole(bytes: Uint8Array): boolean {
  return bytes.length > 13 && bytes.subarray(Math.max(0, bytes.length - 16)).includes(0x3b);
}

/** A PDF ends with the %%EOF marker (possibly followed by a line end). */
function pdfIsWhole(bytes: Uint8Array): boolean {
  return indexOf(bytes, ascii("%%EOF"), bytes.length - TAIL) !== -1;
}

const WHOLE: Record<AcceptedMimeType, (bytes: Uint8Array) => boolean> = {
  "application/pdf": pdfIsWhole,
  "image/jpeg": jpegIsWhole,
  "image/gif": gifIsWhole,
  "image/png": pngIsWhole,
};

export async function inspectUpload(bytes: Uint8Array): Promise<InspectionResult> {
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) return refuse("tooLarge");
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ACCEPTED_TYPES)) return refuse("type");
  const mimeType = detected.mime as AcceptedMimeType;
  if (!WHOLE[mimeType](bytes)) return refuse("unreadable");
  return { ok: true, mimeType, ext: ACCEPTED_TYPES[mimeType].ext };
}
