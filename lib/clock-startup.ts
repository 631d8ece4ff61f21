// The start-up check of the portal's clock (instrumentation.ts, Node.js runtime only): a server
// whose PORTAIL_CLOCK is refused (production without the test flag) or unreadable does not start.
import { assertClockAllowed } from "./clock";

export function refuseForbiddenClock(): void {
  try {
    assertClockAllowed();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
