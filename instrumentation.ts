// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A pinned clock (PORTAIL_CLOCK) is for tests and development: production refuses to start with one.
  const { refuseForbiddenClock } = await import("./lib/clock-startup");
  refuseForbiddenClock();
  // The background jobs (mail delivery, the daily purge) and the graceful shutdown, in development
  // too: there, mails are delivered to the development outbox (/dev/outbox).
  const { startServerJobs } = await import("./lib/jobs/server-jobs");
  startServerJobs();
}
