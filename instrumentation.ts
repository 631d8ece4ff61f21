// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A pinned clock (PORTAIL_CLOCK) is for tests and development: production refuses to start with one.
  const { refuseForbiddenClock } = await import("./lib/clock-startup");
  refuseForbiddenClock();
  if (process.env.NODE_ENV === "production") {
    const { startAuditPurgeSchedule } = await import("./lib/audit/purge-schedule");
    startAuditPurgeSchedule();
  }
}
