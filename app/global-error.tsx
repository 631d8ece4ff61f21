"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

import "./globals.css";

// The root layout itself failed (it reads the town's settings: the database was out of reach
// while the proxy still believed it up). It replaces the whole document, so it brings the
// stylesheet and a plain header.
export default function GlobalError() {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <header className="bg-brand text-white">
          <p className="mx-auto w-full max-w-6xl px-4 py-3 text-lg font-bold tracking-wide uppercase sm:px-6">Portail Familles</p>
        </header>
        <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          <ErrorNotice />
        </main>
      </body>
    </html>
  );
}
