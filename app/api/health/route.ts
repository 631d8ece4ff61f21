import { getDb } from "@/lib/db/client";
import { pingDatabase } from "@/lib/db/health";
import { isDraining } from "@/lib/server/draining";

export const dynamic = "force-dynamic";

// For load balancers: 200 when the database answers; 503 while the instance shuts down (it
// still serves for a short drain, lib/server/graceful-shutdown.ts) or when the database does not answer.
export async function GET() {
  if (isDraining()) return Response.json({ status: "arrêt en cours" }, { status: 503 });
  try {
    await pingDatabase(getDb());
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "indisponible" }, { status: 503 });
  }
}
