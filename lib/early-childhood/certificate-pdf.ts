import "server-only";

import PDFDocument from "pdfkit";

import { formatAmount } from "@/lib/billing/invoice-state";
import { formatDay, parisToday } from "@/lib/dates/calendar-day";

import type { CertificatePdfData } from "./certificates";

// The « Attestation de frais de garde » PDF (issue #15 point 6), made from the stored certificate
// alone, deterministic like the invoice's (lib/billing/invoice-pdf.ts): standard fonts,
// CreationDate/ModDate = the issue instant, deflate — the same certificate gives the same bytes.

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;

// WinAnsi lacks a few characters the portal writes (narrow no-break space, minus).
function pdfText(text: string): string {
  return text.replace(/[\u202f\u2009]/g, " ").replace(/\u2212/g, "-");
}

export function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const title = `Attestation de frais de garde ${data.year}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: pdfText(`${title} – ${data.number}`),
      Author: pdfText(data.town.name || "Portail Familles"),
      Subject: "Crédit d'impôt pour frais de garde des enfants de moins de 6 ans",
      Creator: "Portail Familles",
      Producer: "Portail Familles",
      CreationDate: data.issuedAt,
      ModDate: data.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc
    .font("Helvetica-Bold")
    .fontSize(12)
    .fillColor("#1e3a6e")
    .text(pdfText(data.town.name || "Portail Familles"), MARGIN, MARGIN);
  doc.font("Helvetica").fontSize(10).fillColor("#444444").text(pdfText(data.town.guichetName));
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(18).fillColor("#000000").text(pdfText(title), { width: WIDTH });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(pdfText(`N° ${data.number} – établie le ${formatDay(parisToday(data.issuedAt))}`));
  doc.moveDown(1.5);
  doc.font("Helvetica-Bold").fontSize(11).text(pdfText(data.billingName));
  doc.font("Helvetica").fontSize(11);
  for (const line of data.billingAddress.split("\n").filter(Boolean)) doc.text(pdfText(line));
  doc.moveDown(1.5);
  doc.text(
    pdfText(
      `Nous attestons que la famille ci-dessus a payé, du 1er janvier au 31 décembre ${data.year}, pour la garde de l'enfant ` +
        `${data.childName}, né(e) le ${formatDay(data.childBirthDay)}, la somme de :`,
    ),
    { width: WIDTH },
  );
  doc.moveDown(1);
  doc
    .font("Helvetica-Bold")
    .fontSize(16)
    .text(pdfText(formatAmount(data.amountCents)), { width: WIDTH, align: "center" });
  doc.moveDown(1);
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(
      pdfText(
        "Montant des sommes effectivement versées pendant l'année civile pour l'accueil de l'enfant (crèche, et garderie ou " +
          "accueil de loisirs lorsque le service est éligible), frais de repas exclus. Les aides perçues pour la garde (CMG) " +
          "sont à déduire par le déclarant. Attestation délivrée pour le crédit d'impôt des frais de garde des enfants de moins " +
          "de 6 ans au 1er janvier de l'année d'imposition (article 200 quater B du code général des impôts).",
      ),
      { width: WIDTH },
    );
  doc.end();
  return done;
}
