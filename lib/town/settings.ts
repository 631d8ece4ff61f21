import "server-only";

import { connection } from "next/server";
import { cache } from "react";

import type { Db } from "@/lib/db/client";

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

const FALLBACK: TownSettingsView = {
  townName: "Votre commune",
  portalName: "Portail Familles",
  guichetName: "Guichet unique",
  guichetPhone: "",
  guichetEmail: "",
  guichetAddress: "",
  guichetHours: "",
  primaryColor: "#1e3a6e",
  logoUrl: null,
};

/** The town's name and Guichet unique contacts, read once per request (getDb() is one object: the cache hits). */
export const getTownSettings = cache(async (db: Db): Promise<TownSettingsView> => {
  await connection(); // rendered per request, never at build time
  const settings = await db.townSettings.findUnique({
    where: { id: 1 },
    select: {
      townName: true,
      portalName: true,
      guichetName: true,
      guichetPhone: true,
      guichetEmail: true,
      guichetAddress: true,
      guichetHours: true,
      primaryColor: true,
      logoMimeType: true,
      updatedAt: true,
    },
  });
  if (!settings) return FALLBACK;
  const { logoMimeType, updatedAt, ...view } = settings;
  return { ...view, logoUrl: logoMimeType ? `/api/town-logo?v=${updatedAt.getTime()}` : null };
});
