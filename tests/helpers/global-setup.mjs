import { requireAll, servicesEnv, testServices } from "./probe-services.mjs";

// Runs once before the workers start; what it puts in process.env reaches every test file.
// scripts/test.mjs has already probed the services and passed the answers down: they are used
// as they are, not probed again.
export default async function globalSetup() {
  const services = await testServices();
  Object.assign(process.env, servicesEnv(services));
  if (services.postgres.ok) return;
  if (requireAll()) {
    throw new Error(`PORTAIL_REQUIRE_ALL=1 : PostgreSQL est exigé mais absent — ${services.postgres.reason}`);
  }
  console.warn(`\n[tests] Tests PostgreSQL ignorés : ${services.postgres.reason}. Les mêmes tests tournent sur PGlite.\n`);
}
