// Prisma 6 config used only by create-migration.sh (never by the app, which runs Prisma 7).
// `engine: "js"` makes Prisma 6 use its WASM schema engine, which talks to the database through
// a driver adapter: an in-memory PGlite (an on-disk one printed the SQL and then hung).
// `migrate diff --from-schema-datamodel … --to-schema-datamodel … --script` only asks it for
// the server version; the SQL comes from comparing the two schema files.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
});
