import type { NextConfig } from "next";

import { securityHeaderRules } from "./lib/security/response-headers";

const nextConfig: NextConfig = {
  // Native or WASM packages that must be required at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg-boss",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "nodemailer",
    // Reads its standard fonts' metrics from its own folder at run time.
    "pdfkit",
  ],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: an agent opening an administrators' page reads a French 403.
  experimental: { authInterrupts: true },
  typedRoutes: false,
  // `next dev` serves its own resources to pages opened at localhost or 127.0.0.1 only; to try the
  // portal from a phone on the same network, list the machine's address in DEV_ALLOWED_ORIGINS.
  allowedDevOrigins: [
    "127.0.0.1",
    ...(process.env.DEV_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  ],
  async rewrites() {
    // Browsers ask for /favicon.ico on their own: the town's icon (app/api/favicon/route.ts).
    return [{ source: "/favicon.ico", destination: "/api/favicon" }];
  },
  async headers() {
    return securityHeaderRules({ production: process.env.NODE_ENV === "production" });
  },
};

export default nextConfig;
