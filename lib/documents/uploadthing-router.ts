import "server-only";

import { createUploadthing, type FileRouter } from "uploadthing/server";

import { requireParent } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client"; // entry point: UploadThing calls these per request, like a route handler
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { storageFor } from "@/lib/storage/active-storage";

import { ZUploadDocumentSchema } from "./document.schema";
import { adoptStoredDocument, resolveUploadTarget } from "./family-documents";

// UploadThing's direct upload (used when UPLOADTHING_TOKEN is set): the browser sends the file
// to UploadThing, then UploadThing calls app/api/uploadthing back. The same rules hold as for
// the upload route: the parent and the child/type are checked before the upload starts; once
// stored, the bytes are read back and inspected, and a refused file is deleted at once.
const f = createUploadthing();

export type DirectUploadResult = { ok: true; id: string } | { ok: false; error: string };

export const documentFileRouter = {
  supportingDocument: f(
    {
      // Private like the server's own uploads: the file is only ever read back by our server
      // through a signed URL. The ACL is signed into the presigned URL, so a browser cannot change it.
      pdf: { maxFileSize: "2MB", maxFileCount: 1, acl: "private" },
      image: { maxFileSize: "2MB", maxFileCount: 1, acl: "private" },
    },
    { awaitServerData: true },
  )
    .input(ZUploadDocumentSchema)
    .middleware(async ({ input }) => {
      const viewer = await requireParent();
      await resolveUploadTarget(getDb(), viewer, input);
      return { viewer, input };
    })
    .onUploadComplete(async ({ metadata, file }): Promise<DirectUploadResult> => {
      try {
        const document = await adoptStoredDocument(
          getDb(),
          metadata.viewer,
          metadata.input,
          { kind: "UPLOADTHING", key: file.key, name: file.name },
          storageFor("UPLOADTHING"),
        );
        return { ok: true, id: document.id };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.message };
        console.error("[documents] direct upload not recorded", error);
        return { ok: false, error: GENERIC_ERROR_MESSAGE };
      }
    }),
} satisfies FileRouter;

export type DocumentFileRouter = typeof documentFileRouter;
