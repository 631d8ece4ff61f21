import { NextResponse, type NextRequest } from "next/server";

import { currentViewer, isStaff } from "@/lib/auth/session";
import { invoicesCsv, paymentsCsv } from "@/lib/billing/accounting-csv";
import { monthLabel } from "@/lib/billing/billing-month";
import { ZInvoiceExportSchema } from "@/lib/billing/staff-invoice.schema";
import { invoicesIssuedInMonth, paymentsReceivedInMonth } from "@/lib/billing/staff-invoices";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";

// The accounting export (issue #14 point 7): /api/admin/factures/export?mois=YYYY-MM&regie=<id>&type=factures|paiements.
// Staff only, checked here (not only by the proxy): anyone else gets the same 404 as an unknown page.
export async function GET(request: NextRequest) {
  const viewer = await currentViewer();
  const db = getDb();
  if (!isStaff(viewer)) return new NextResponse("Page introuvable", { status: 404 });
  const parsed = ZInvoiceExportSchema.safeParse(searchParamsText(Object.fromEntries(request.nextUrl.searchParams)));
  if (!parsed.success) return new NextResponse("Paramètres invalides : choisissez un mois (AAAA-MM).", { status: 400 });
  const query = parsed.data;
  const csv =
    query.type === "paiements"
      ? paymentsCsv(await paymentsReceivedInMonth(db, viewer, query))
      : invoicesCsv(await invoicesIssuedInMonth(db, viewer, query), monthLabel);
  const name = `${query.type === "paiements" ? "paiements" : "factures"}-${query.mois}.csv`;
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
