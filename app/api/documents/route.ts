import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import type { ActionResult } from "@/lib/auth/action";
import { requireParent } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { ZUploadDocumentSchema } from "@/lib/documents/document.schema";
import { submitDocument } from "@/lib/documents/family-documents";
import { UploadRefusedError } from "@/lib/documents/inspect-upload";
import { MAX_DOCUMENT_BYTES, UPLOAD_MESSAGES } from "@/lib/documents/upload-rules";
import { AppError, GENERIC_ERROR_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";

// The upload of a supporting document (PIÈCES JUSTIFICATIVES À FOURNIR > Ajouter un document).
// A route handler rather than a server action: the browser's XMLHttpRequest reports upload
// progress, and a 2 Mo file stays clear of the server actions' body limit. Same contract as
// an action: it answers an ActionResult in JSON.
type UploadResult = ActionResult<{ id: string }>;

const reply = (result: UploadResult, status = 200) =>
  NextResponse.json(result, { status, headers: { "Cache-Control": "no-store" } });

/** Multipart overhead allowed on top of the file itself. */
const FORM_OVERHEAD = 64 * 1024;

export async function POST(request: NextRequest) {
  const db = getDb();
  try {
    const viewer = await requireParent();
    // Cookies are SameSite=Lax already; refuse a cross-site form post all the same.
    const origin = request.headers.get("origin");
    if (origin && new URL(origin).host !== request.headers.get("host"))
      return reply({ ok: false, error: GENERIC_ERROR_MESSAGE }, 403);
    if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES + FORM_OVERHEAD) {
      return reply({ ok: false, error: UPLOAD_MESSAGES.tooLarge, fieldErrors: { file: [UPLOAD_MESSAGES.tooLarge] } }, 413);
    }

    const form = await request.formData();
    const file = form.get("file");
    const parsed = ZUploadDocumentSchema.safeParse({
      concerns: form.get("concerns") ?? undefined,
      typeId: form.get("typeId") ?? undefined,
      name: form.get("name") ?? undefined,
      earlyChildhoodRequestId: form.get("earlyChildhoodRequestId") ?? undefined,
    });
    const fieldErrors: Record<string, string[]> = parsed.success
      ? {}
      : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) fieldErrors.file = ["Choisissez le fichier à envoyer."];
    if (!parsed.success || Object.keys(fieldErrors).length) {
      return reply({ ok: false, error: "Le formulaire contient des erreurs : vérifiez les champs signalés.", fieldErrors }, 400);
    }

    const document = await submitDocument(db, viewer, parsed.data, {
      name: (file as File).name,
      bytes: new Uint8Array(await (file as File).arrayBuffer()),
    });
    revalidatePath("/espace");
    revalidatePath("/espace/documents");
    return reply({ ok: true, data: { id: document.id } }, 201);
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "FORBIDDEN" ? 403 : 422;
      const onFile = error instanceof UploadRefusedError;
      return reply({ ok: false, error: error.message, ...(onFile ? { fieldErrors: { file: [error.message] } } : {}) }, status);
    }
    if (isDatabaseUnavailable(error)) return reply({ ok: false, error: SERVICE_UNAVAILABLE_MESSAGE }, 503);
    console.error("[documents] upload failed", error);
    return reply({ ok: false, error: GENERIC_ERROR_MESSAGE }, 500);
  }
}
