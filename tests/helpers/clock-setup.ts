// Unit and integration tests run on the portal's clock pinned to Thursday 26 November 2026, 11:00
// in Paris (lib/clock.ts): the demo's school year (prisma/seed.ts) and every default "now" are the
// same whatever the machine's date, matching the NOW most tests pass explicitly. A run may pin
// another instant with PORTAIL_CLOCK. The staff second factor keeps the real time (as the phone).
process.env.PORTAIL_CLOCK ??= "2026-11-26T11:00:00+01:00";
process.env.PORTAIL_TEST_CLOCK_ALLOWED = "1";
