"use client";

import { generateReactHelpers } from "@uploadthing/react";
import { useEffect, useRef } from "react";

import type { ActionResult } from "@/lib/auth/action";
import type { TUploadDocument } from "@/lib/documents/document.schema";
import type { DocumentFileRouter } from "@/lib/documents/uploadthing-router";

const { useUploadThing } = generateReactHelpers<DocumentFileRouter>({ url: "/api/uploadthing" });

export type DocumentSender = (
  input: TUploadDocument,
  file: File,
  onProgress: (percent: number) => void,
) => Promise<ActionResult<{ id: string }>>;

const FAILED = "L'envoi a échoué. Vérifiez votre connexion internet puis réessayez.";

/**
 * UploadThing's React helper, rendered by the upload form only when the portal stores files on
 * UploadThing: it hands the form a sender that uploads straight to UploadThing with progress,
 * then returns the server's verdict on the bytes (awaitServerData).
 */
export function UploadThingSender({ onReady }: { onReady: (send: DocumentSender) => void }) {
  const progress = useRef<(percent: number) => void>(() => {});
  const { startUpload } = useUploadThing("supportingDocument", {
    onUploadProgress: (percent) => progress.current(percent),
    onUploadError: (error) => console.error("[documents] UploadThing upload failed", error),
  });

  useEffect(() => {
    onReady(async (input, file, onProgress) => {
      progress.current = onProgress;
      try {
        const uploaded = await startUpload([file], input);
        const verdict = uploaded?.[0]?.serverData;
        if (!verdict) return { ok: false, error: FAILED };
        return verdict.ok
          ? { ok: true, data: { id: verdict.id } }
          : { ok: false, error: verdict.error, fieldErrors: { file: [verdict.error] } };
      } catch {
        return { ok: false, error: FAILED };
      }
    });
  }, [onReady, startUpload]);

  return null;
}
