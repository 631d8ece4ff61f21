import "server-only";

import fs from "node:fs/promises";
import path from "node:path";

import type { PrismaClient } from "@/lib/db/generated/client";

import { renderDefaultIcon } from "./default-icon";

const TEMPLATE = path.join(process.cwd(), "lib", "town", "default-icon.svg");

/** The town's icon: its logo when it has one, otherwise its initial on its colour (SVG). */
export async function readTownIcon(db: PrismaClient): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const settings = await db.townSettings.findUnique({
    where: { id: 1 },
    select: { townName: true, primaryColor: true, logo: true, logoMimeType: true },
  });
  if (settings?.logo && settings.logoMimeType) return { bytes: settings.logo, mimeType: settings.logoMimeType };
  const svg = renderDefaultIcon(await fs.readFile(TEMPLATE, "utf8"), {
    townName: settings?.townName ?? "",
    primaryColor: settings?.primaryColor ?? "",
  });
  return { bytes: new TextEncoder().encode(svg), mimeType: "image/svg+xml" };
}
