import { getDb } from "@/lib/db/client";
import { pingDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

// For load balancers: 200 when the database answers.
export async function GET() {
  try {
    await pingDatabase(getDb());
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "indisponible" }, { status: 503 });
  }
}
