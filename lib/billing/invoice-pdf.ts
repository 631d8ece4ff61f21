import "server-only";

import PDFDocument from "pdfkit";

import { formatDay } from "@/lib/dates/calendar-day";

import type { InvoicePdfData } from "./family-invoices";
import { formatAmount } from "./invoice-state";

// The invoice's PDF (issue #14 point 3), made from the stored invoice alone (billing name and
// address, lines with their labels and prices were copied at issue) and the town's name and logo.
//
// pdfkit rather than @react-pdf/renderer: it writes the document imperatively with no layout
// engine, no React reconciler and no font download, and every byte is under our control — the
// standard PDF fonts (Helvetica, not embedded: nothing to subset), CreationDate/ModDate taken
// from the invoice (the file ID pdfkit derives from them is then stable too), and deflate, which
// is deterministic. So the same invoice gives the same bytes on every download, on any server.

type Line = InvoicePdfData["lines"][number];

const PAGE = { width: 595.28, height: 841.89, margin: 48 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_HEIGHT = 24;
const BRAND = "#1e3a6e";
const MUTED = "#444444";
/** Date, Prestation, Quantité, Prix unitaire, Montant. */
const COLUMNS = [
  { label: "Date", width: 70, align: "left" },
  { label: "Prestation", width: 185, align: "left" },
  { label: "Quantité", width: 60, align: "right" },
  { label: "Prix unitaire", width: 91, align: "right" },
  { label: "Montant", width: CONTENT_WIDTH - 70 - 185 - 60 - 91, align: "right" },
] as const;

// The standard fonts are encoded in WinAnsi: what it lacks is replaced by its nearest character.
const REPLACEMENTS: Record<string, string> = { "\u2212": "-", "\u202f": " ", "\u2009": " ", "\u2011": "-", "\u2010": "-" };
const WIN_ANSI_EXTRA = new Set("€–—‘’‚“”„†‡•…‰‹›ˆ™ŒœšŠŸŽžƒ˜");

function pdfText(text: string): string {
  let out = "";
  for (const char of text) {
    if (REPLACEMENTS[char]) out += REPLACEMENTS[char];
    else if (char.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += char.normalize("NFD").replace(/[^\u0000-\u00ff]/g, "") || "?";
  }
  return out;
}

const amount = (cents: number) => pdfText(formatAmount(cents));

/** « novembre 2026 » → « Novembre 2026 » is not the guide's style: months stay in lower case. */
function periodLabel(data: InvoicePdfData): string {
  return data.title.replace(/^(Facture complémentaire|Facture|Avoir) (de |d')/, "");
}

/** Lines grouped by child, then by service (they arrive sorted so). */
function groups(lines: readonly Line[]): { childName: string; services: { serviceLabel: string; lines: Line[] }[] }[] {
  const result: { childName: string; services: { serviceLabel: string; lines: Line[] }[] }[] = [];
  for (const line of lines) {
    let child = result.at(-1);
    if (!child || child.childName !== line.childName) {
      child = { childName: line.childName, services: [] };
      result.push(child);
    }
    let service = child.services.at(-1);
    if (!service || service.serviceLabel !== line.serviceLabel) {
      service = { serviceLabel: line.serviceLabel, lines: [] };
      child.services.push(service);
    }
    service.lines.push(line);
  }
  return result;
}

/** The PDF's bytes: the same data always gives the same bytes. */
export function renderInvoicePdf(data: InvoicePdfData): Promise<Buffer> {
  const creditNote = data.kind === "CREDIT_NOTE";
  const heading = `${creditNote ? "Avoir" : "Facture"} n° ${data.number}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    bufferPages: true,
    compress: true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: pdfText(`${heading} – ${data.title}`),
      Author: pdfText(data.town.name || "Portail Familles"),
      Subject: pdfText(data.regie.name),
      Creator: "Portail Familles",
      Producer: "Portail Familles",
      CreationDate: data.issuedAt,
      ModDate: data.changedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom) {
      doc.addPage();
      doc.y = PAGE.margin;
    }
  };

  // Header: logo, town, régie; the invoice's number and dates on the right.
  let logoHeight = 0;
  if (data.town.logo && (data.town.logo.mimeType === "image/png" || data.town.logo.mimeType === "image/jpeg")) {
    try {
      doc.image(Buffer.from(data.town.logo.bytes), left, PAGE.margin, { fit: [110, 60] });
      logoHeight = 66;
    } catch {
      // A logo pdfkit cannot read (an unusual PNG flavour) leaves the header without it.
    }
  }
  doc.y = PAGE.margin + logoHeight;
  doc.font("Helvetica-Bold").fontSize(13).fillColor(BRAND).text(pdfText(data.town.name), left, doc.y, { width: 250 });
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(pdfText(data.regie.name), { width: 250 });
  const headerBottom = doc.y;

  const rightX = left + 270;
  const rightWidth = CONTENT_WIDTH - 270;
  doc
    .font("Helvetica-Bold")
    .fontSize(15)
    .fillColor(BRAND)
    .text(pdfText(heading), rightX, PAGE.margin, { width: rightWidth, align: "right" });
  doc.font("Helvetica").fontSize(10).fillColor("black");
  const facts = [
    `Période : ${periodLabel(data)}`,
    `Date d'émission : ${formatDay(data.issuedDay)}`,
    ...(creditNote ? [] : [`Date d'échéance : ${formatDay(data.dueDay)}`]),
  ];
  for (const fact of facts) doc.text(pdfText(fact), rightX, doc.y + 2, { width: rightWidth, align: "right" });

  // The family's billing name and address, as stored at issue, in the window of the envelope.
  doc.y = Math.max(headerBottom, doc.y) + 24;
  const addressX = left + 270;
  doc.font("Helvetica-Bold").fontSize(11).text(pdfText(data.billingName), addressX, doc.y, { width: rightWidth });
  doc.font("Helvetica").fontSize(10);
  for (const line of data.billingAddress.split(/\r?\n/).filter(Boolean))
    doc.text(pdfText(line), addressX, doc.y, { width: rightWidth });
  doc.y += 20;

  doc.font("Helvetica-Bold").fontSize(13).fillColor(BRAND).text(pdfText(data.title), left, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor("black").font("Helvetica").fontSize(10);
  if (creditNote && data.cancelsNumber) {
    doc
      .moveDown(0.3)
      .font("Helvetica-Bold")
      .text(pdfText(`Avoir n° ${data.number} annule la facture n° ${data.cancelsNumber}.`));
    doc.font("Helvetica");
  }
  if (!creditNote && data.status === "CANCELLED") {
    const by = data.creditNoteNumber ? ` par l'avoir n° ${data.creditNoteNumber}` : "";
    doc
      .moveDown(0.3)
      .font("Helvetica-Bold")
      .text(pdfText(`Facture annulée${by} : elle n'est plus à payer.`));
    doc.font("Helvetica");
  }
  if (data.cancelReason) doc.moveDown(0.2).text(pdfText(`Motif : ${data.cancelReason}`));
  doc.moveDown(0.8);

  // The lines, by child then service.
  let repeatHeader: (() => void) | null = null;
  const row = (cells: string[], options: { bold?: boolean; fill?: string; header?: boolean } = {}) => {
    if (doc.y + 18 > bottom) {
      ensureSpace(18);
      // A service's table that goes on over the next page shows its column names again.
      if (!options.header) repeatHeader?.();
    }
    const y = doc.y;
    if (options.fill)
      doc
        .rect(left, y - 3, CONTENT_WIDTH, 17)
        .fill(options.fill)
        .fillColor("black");
    doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(9.5);
    let x = left;
    let height = 0;
    COLUMNS.forEach((column, index) => {
      const text = pdfText(cells[index] ?? "");
      const options_ = { width: column.width - 6, align: column.align };
      doc.text(text, x + 3, y, options_);
      height = Math.max(height, doc.heightOfString(text, options_));
      x += column.width;
    });
    doc.y = y + height + 5;
  };
  const tableHeader = () =>
    row(
      COLUMNS.map((column) => column.label),
      { bold: true, fill: "#dfe6f2", header: true },
    );
  repeatHeader = tableHeader;

  for (const child of groups(data.lines)) {
    ensureSpace(60);
    doc
      .font("Helvetica-Bold")
      .fontSize(11)
      .fillColor(BRAND)
      .text(pdfText(child.childName), left, doc.y, { width: CONTENT_WIDTH });
    doc.fillColor("black");
    for (const service of child.services) {
      ensureSpace(45);
      doc
        .moveDown(0.2)
        .font("Helvetica-Bold")
        .fontSize(10)
        .text(pdfText(service.serviceLabel), left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.2);
      tableHeader();
      let subtotal = 0;
      for (const line of service.lines) {
        row([
          line.date ? formatDay(line.date) : "",
          line.unitLabel,
          String(line.quantity),
          amount(line.unitPriceCents),
          amount(line.amountCents),
        ]);
        subtotal += line.amountCents;
      }
      row(["", "Sous-total", "", "", amount(subtotal)], { bold: true });
      doc.moveDown(0.4);
    }
    doc.moveDown(0.4);
  }
  if (data.lines.length === 0) doc.text("Aucune ligne.", left, doc.y).moveDown(0.5);

  // Totals.
  ensureSpace(70);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + CONTENT_WIDTH, doc.y)
    .strokeColor(BRAND)
    .stroke();
  doc.moveDown(0.4);
  const total = (label: string, cents: number, bold = false) => {
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 11.5 : 10.5);
    doc.text(pdfText(label), left + 240, y, { width: 150, align: "right" });
    doc.text(amount(cents), left + 390, y, { width: CONTENT_WIDTH - 390, align: "right" });
    doc.moveDown(0.3);
  };
  total(creditNote ? "Total de l'avoir" : "Total", data.totalCents, true);
  if (!creditNote) {
    const remaining = data.status === "CANCELLED" ? 0 : Math.max(0, data.totalCents - data.paidCents);
    total("Déjà payé", data.paidCents);
    total("Reste à payer", remaining, true);
  }
  doc.moveDown(0.8);

  // How to pay, then the régie's mentions.
  if (!creditNote && data.status !== "CANCELLED") {
    ensureSpace(50);
    doc.font("Helvetica-Bold").fontSize(11).fillColor(BRAND).text("Comment payer", left, doc.y, { width: CONTENT_WIDTH });
    doc.fillColor("black").font("Helvetica").fontSize(10);
    doc.text(
      pdfText(
        data.payableOnline
          ? `Payez en ligne sur le Portail Familles (PayFiP), avant le ${formatDay(data.dueDay)}, référence ${data.number}.`
          : `À régler auprès du ${data.town.guichetName}, avant le ${formatDay(data.dueDay)}, en rappelant la référence ${data.number}.`,
      ),
      left,
      doc.y,
      { width: CONTENT_WIDTH },
    );
    doc.moveDown(0.8);
  }
  if (data.regie.mentions.trim()) {
    ensureSpace(40);
    doc
      .font("Helvetica")
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(pdfText(data.regie.mentions), left, doc.y, { width: CONTENT_WIDTH });
  }

  // Footer on every page: the number and « Page n / N ».
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // The footer sits in the bottom margin: without this, pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin - 10;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(pdfText(`${heading} – page ${index + 1} / ${range.count}`), left, y, {
      width: CONTENT_WIDTH,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
