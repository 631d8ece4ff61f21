"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// The staff sections (SPEC §9); each feature adds its line when its pages exist.
const ADMIN_SECTIONS: { href: string; label: string; adminOnly?: boolean; counter?: "documents" | "pendingLines" }[] = [
  { href: "/admin", label: "Accueil" },
  { href: "/admin/familles", label: "Familles" },
  { href: "/admin/documents", label: "Documents", counter: "documents" },
  { href: "/admin/reservations", label: "Réservations", counter: "pendingLines" },
  { href: "/admin/listes", label: "Listes du jour" },
  { href: "/admin/petite-enfance", label: "Petite enfance" },
  { href: "/admin/factures", label: "Factures" },
  { href: "/admin/catalogue", label: "Catalogue" },
  { href: "/admin/facturation", label: "Facturation" },
  { href: "/admin/paiements-en-ligne", label: "Paiements en ligne" },
  { href: "/admin/contenus", label: "Contenus" },
  { href: "/admin/personnel", label: "Personnel", adminOnly: true },
  { href: "/admin/journal", label: "Journal", adminOnly: true },
  { href: "/admin/envois", label: "Envois", adminOnly: true },
];

/** What waits in a tab: shown beside its name (« Documents 3 »), read out as « 3 à traiter ». */
export type AdminNavCounters = { documents: number; pendingLines: number };

/** The tab of this address: the home only on /admin itself, a section on its pages beneath too. */
const isCurrent = (pathname: string, href: string) =>
  href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);

export function AdminNav({ role, counters }: { role: "AGENT" | "ADMIN"; counters: AdminNavCounters }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="no-print">
      <ul className="flex flex-wrap gap-2">
        {ADMIN_SECTIONS.filter((section) => !section.adminOnly || role === "ADMIN").map((section) => {
          const current = isCurrent(pathname, section.href);
          const count = section.counter ? counters[section.counter] : 0;
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded px-3 py-2 font-semibold shadow ${
                  current
                    ? "bg-brand text-white underline decoration-2 underline-offset-4"
                    : "bg-white text-brand hover:bg-blue-50"
                }`}
              >
                {section.label}
                {count > 0 ? (
                  <span className={`rounded-full px-2 text-sm ${current ? "bg-white text-brand" : "bg-accent-dark text-white"}`}>
                    {count}
                    <span className="sr-only"> à traiter</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
