import { NextResponse, type NextRequest } from "next/server";

import { currentViewer, isStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { searchParamsText } from "@/lib/http/url-params";
import { dailyList, kitchenCounts } from "@/lib/lists/daily-list";
import { dailyListCsv, kitchenCsv } from "@/lib/lists/list-csv";
import { ZDailyListQuerySchema, ZKitchenQuerySchema } from "@/lib/lists/list.schema";

// CSV exports of the daily lists: /api/admin/listes?vue=presence&date=…&establishmentId=…
// and ?vue=cuisine&date=…&span=day|week. Staff only, checked here (not only by the proxy).
export async function GET(request: NextRequest) {
  const viewer = await currentViewer();
  const db = getDb();
  if (!isStaff(viewer)) return new NextResponse("Page introuvable", { status: 404 });
  const params = searchParamsText(Object.fromEntries(request.nextUrl.searchParams));
  let csv: string;
  let name: string;
  if (params.vue === "cuisine") {
    const parsed = ZKitchenQuerySchema.safeParse(params);
    if (!parsed.success) return new NextResponse("Paramètres invalides", { status: 400 });
    csv = kitchenCsv(await kitchenCounts(db, viewer, parsed.data));
    name = `repas-${parsed.data.span === "week" ? "semaine-" : ""}${parsed.data.date}.csv`;
  } else {
    const parsed = ZDailyListQuerySchema.safeParse(params);
    if (!parsed.success) return new NextResponse("Paramètres invalides", { status: 400 });
    const list = await dailyList(db, viewer, parsed.data);
    csv = dailyListCsv(list.date, list.units);
    name = `liste-du-jour-${parsed.data.date}.csv`;
  }
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
