import { currentViewer } from "@/lib/auth/session";
import { loadInvoicePdfData } from "@/lib/billing/family-invoices";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { getDb } from "@/lib/db/client";
import { contentDisposition } from "@/lib/documents/file-name";
import { parseId } from "@/lib/http/url-params";

// An invoice's PDF, for its own family or for staff only. A signed-out visitor gets 401; another
// family's id, an unknown or malformed one the same 404, and no bytes. Made from the stored
// invoice on every download (the same bytes each time), never cached by the browser or a proxy.
const answer = (status: 401 | 404, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await currentViewer();
  if (!viewer) return answer(401, "Connectez-vous pour télécharger cette facture.");
  const id = parseId((await params).id);
  if (!id) return answer(404, "Facture introuvable");
  const data = await loadInvoicePdfData(getDb(), viewer, id);
  if (!data) return answer(404, "Facture introuvable");
  const bytes = await renderInvoicePdf(data);
  const prefix = data.kind === "CREDIT_NOTE" ? "avoir" : "facture";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition("attachment", `${prefix}-${data.number}.pdf`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
