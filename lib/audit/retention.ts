// The audit log is kept 12 months (issue 6, Journal), then purged.
export const AUDIT_RETENTION_MONTHS = 12;

/** The first instant still kept: entries strictly before it are purged. */
export function auditCutoff(now: Date, months = AUDIT_RETENTION_MONTHS): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}
