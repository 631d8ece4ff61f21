// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NODE_ENV === "production") {
    const { startAuditPurgeSchedule } = await import("./lib/audit/purge-schedule");
    startAuditPurgeSchedule();
  }
}
