import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Petite enfance" };

const LINKS = [
  { href: "/admin/petite-enfance/demandes", label: "Demandes d'inscription en crèche", adminOnly: false },
  { href: "/admin/petite-enfance/commission", label: "Commission d'attribution des places", adminOnly: false },
  { href: "/admin/petite-enfance/listes-attente", label: "Listes d'attente par crèche", adminOnly: false },
  { href: "/admin/petite-enfance/creches", label: "Crèches (paramètres)", adminOnly: true },
  { href: "/admin/petite-enfance/criteres", label: "Critères d'admission (paramètres)", adminOnly: true },
];

export default async function EarlyChildhoodHomePage() {
  const viewer = await staffPage();
  return (
    <div className="space-y-6">
      <PageHeader title="Petite enfance" />
      <Panel title="Petite enfance">
        <ul className="list-disc space-y-2 pl-6">
          {LINKS.filter((link) => !link.adminOnly || viewer.role === "ADMIN").map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-brand underline hover:no-underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
