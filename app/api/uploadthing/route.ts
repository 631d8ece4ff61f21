import { createRouteHandler } from "uploadthing/next";

import { documentFileRouter } from "@/lib/documents/uploadthing-router";

// UploadThing's route (presigned uploads and its server callback); used only when
// UPLOADTHING_TOKEN is set — the upload form then sends files through it.
export const { GET, POST } = createRouteHandler({ router: documentFileRouter });
