import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// For load balancers: 200 when the database answers.
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "indisponible" }, { status: 503 });
  }
}
