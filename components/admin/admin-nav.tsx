import { LinkList } from "@/components/ui/link-list";

// The staff sections (SPEC §9); each feature adds its line when its pages exist.
const ADMIN_SECTIONS: { href: string; label: string; adminOnly?: boolean }[] = [
  { href: "/admin/familles", label: "Familles" },
  { href: "/admin/documents", label: "Documents" },
  { href: "/admin/reservations", label: "Réservations" },
  { href: "/admin/listes", label: "Listes du jour" },
  { href: "/admin/catalogue", label: "Catalogue" },
  { href: "/admin/contenus", label: "Contenus" },
  { href: "/admin/personnel", label: "Personnel", adminOnly: true },
  { href: "/admin/journal", label: "Journal", adminOnly: true },
  { href: "/admin/envois", label: "Envois", adminOnly: true },
];

export function AdminNav({ role }: { role: "AGENT" | "ADMIN" }) {
  return (
    <nav aria-label="Administration" className="no-print">
      <LinkList
        links={ADMIN_SECTIONS.filter((section) => !section.adminOnly || role === "ADMIN")}
        className="flex flex-wrap gap-2"
        linkClassName="inline-block rounded bg-white px-3 py-2 font-semibold text-brand shadow hover:bg-blue-50"
      />
    </nav>
  );
}
