import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const viewer = await staffPage();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Administration</h1>
      <p>
        Bonjour {viewer.name} ({viewer.role === "ADMIN" ? "administrateur" : "agent"}).
      </p>
      <Panel title="Rubriques">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/admin/contenus" className="text-brand underline">
              Contenus – actualités
            </Link>
          </li>
        </ul>
      </Panel>
    </div>
  );
}
