import type { Metadata, Viewport } from "next";
import { connection } from "next/server";

import { BrowserClock } from "@/components/layout/browser-clock";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { currentViewer } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { darkerShade } from "@/lib/town/brand-colour";
import { getTownSettings } from "@/lib/town/settings";

import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection(); // rendered per request: `next build` must not open the database
  const town = await getTownSettings(getDb());
  return {
    title: { default: `${town.portalName} – ${town.townName}`, template: `%s – ${town.portalName}` },
    description: `Le portail des familles de la ${town.townName} : dossier famille, réservations, factures.`,
    // The town's logo (versioned address), or its default icon served at /favicon.ico.
    icons: { icon: town.logoUrl ?? { url: "/favicon.ico", type: "image/svg+xml" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection(); // rendered per request: `next build` must not open the database
  const [town, viewer] = await Promise.all([getTownSettings(getDb()), currentViewer()]);
  return (
    <html
      lang="fr"
      style={{ "--color-brand": town.primaryColor, "--color-brand-dark": darkerShade(town.primaryColor) } as React.CSSProperties}
    >
      <body className="flex min-h-screen flex-col">
        <BrowserClock serverNowMs={clock.now().getTime()} />
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-brand"
        >
          Aller au contenu
        </a>
        <SiteHeader town={town} viewer={viewer ? { name: viewer.name, role: viewer.role } : null} />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <SiteFooter town={town} />
      </body>
    </html>
  );
}
