import path from "node:path";

import { defineConfig } from "prisma/config";

// Prisma 7's CLI wants a native schema engine before any command and downloads one when it is
// missing, which fails offline. Generation never runs it, so a placeholder satisfies the check;
// a real engine (PRISMA_SCHEMA_ENGINE_BINARY set by the caller) still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "tools/prisma-engine/schema-engine-placeholder");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/placeholder" },
});
