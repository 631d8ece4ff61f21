import { currentViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { contentDisposition } from "@/lib/documents/file-name";
import { renderCertificatePdf } from "@/lib/early-childhood/certificate-pdf";
import { loadCertificatePdfData } from "@/lib/early-childhood/certificates";
import { parseId } from "@/lib/http/url-params";

// An « Attestation de frais de garde » PDF, for its own family (from 1 January of the next year)
// or for staff. Signed out: 401; another family's, unknown or malformed id: the same 404, no bytes.
const answer = (status: 401 | 404, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await currentViewer();
  if (!viewer) return answer(401, "Connectez-vous pour télécharger cette attestation.");
  const id = parseId((await params).id);
  if (!id) return answer(404, "Attestation introuvable");
  const data = await loadCertificatePdfData(getDb(), viewer, id);
  if (!data) return answer(404, "Attestation introuvable");
  const bytes = await renderCertificatePdf(data);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition("attachment", `attestation-frais-de-garde-${data.number}.pdf`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
