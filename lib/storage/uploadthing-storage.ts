// UploadThing as the file store (DESIGN.md "Scaling past one machine"): used when
// UPLOADTHING_TOKEN is set. Files are uploaded private (ACL "private"), read back by the server
// through a short-lived signed URL and streamed to the user by our authorised route handler, so
// no UploadThing URL is ever handed to a browser.
//
// Every address the SDK talks to comes from its own configuration, which also reads the
// environment: UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL, UPLOADTHING_UFS_HOST,
// UPLOADTHING_UFS_APP_ID_LOCATION (tests point them at a local stand-in).
import { UTApi, UTFile } from "uploadthing/server";
import { AppError } from "@/lib/errors";
import type { FileStorage } from "./file-storage";

export type UploadThingOptions = {
  token: string;
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
  fetch?: typeof fetch;
};

const STORAGE_ERROR = "Le service de stockage des fichiers ne répond pas. Veuillez réessayer dans quelques minutes.";

export function uploadThingStorage(options: UploadThingOptions): FileStorage {
  const { fetch: fetchImpl = globalThis.fetch, ...config } = options;
  const api = new UTApi({ ...config, fetch: fetchImpl, logLevel: "Error" });

  return {
    kind: "UPLOADTHING",
    async put({ bytes, mimeType, fileName }) {
      const file = new UTFile([bytes as Uint8Array<ArrayBuffer>], fileName, { type: mimeType });
      const result = await api.uploadFiles(file, { acl: "private", contentDisposition: "inline" });
      if (result.error) {
        console.error("[storage] UploadThing upload failed", result.error);
        throw new AppError("STORAGE_UNAVAILABLE", STORAGE_ERROR);
      }
      return { kind: "UPLOADTHING", key: result.data.key };
    },
    async read(key) {
      const { ufsUrl } = await api.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetchImpl(ufsUrl);
      if (!response.ok) {
        console.error(`[storage] UploadThing read of ${key} failed: HTTP ${response.status}`);
        throw new AppError("STORAGE_UNAVAILABLE", STORAGE_ERROR);
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(key) {
      await api.deleteFiles(key);
    },
  };
}
