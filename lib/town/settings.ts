import "server-only";

import { connection } from "next/server";
import { cache } from "react";

import type { Db } from "@/lib/db/client";
import { sharedRead } from "@/lib/server/shared-reads";

import { DEFAULT_TOWN_SETTINGS, TOWN_SETTINGS_FIELDS } from "./town-settings-fields";

export type TownSettingsView = {
  townName: string;
  portalName: string;
  guichetName: string;
  guichetPhone: string;
  guichetEmail: string;
  guichetAddress: string;
  guichetHours: string;
  primaryColor: string;
  /** The logo's address with its version, or null when the town has none. */
  logoUrl: string | null;
};

const FALLBACK: TownSettingsView = { townName: "Votre commune", ...DEFAULT_TOWN_SETTINGS, logoUrl: null };

/**
 * The town's name and Guichet unique contacts: once per request (getDb() is one object: React's
 * cache hits), and from the shared reads of this process between staff changes (lib/server/shared-reads.ts).
 */
export const getTownSettings = cache(async (db: Db): Promise<TownSettingsView> => {
  await connection(); // rendered per request, never at build time
  return sharedRead(db, "town.settings", () => readTownSettings(db));
});

async function readTownSettings(db: Db): Promise<TownSettingsView> {
  const settings = await db.townSettings.findUnique({
    where: { id: 1 },
    select: { ...TOWN_SETTINGS_FIELDS, logoMimeType: true, updatedAt: true },
  });
  if (!settings) return FALLBACK;
  const { logoMimeType, updatedAt, ...view } = settings;
  return { ...view, logoUrl: logoMimeType ? `/api/town-logo?v=${updatedAt.getTime()}` : null };
}
