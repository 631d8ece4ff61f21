import type { Metadata } from "next";
import { connection } from "next/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { backOfficeCounters } from "@/lib/staff/back-office-home";
import { getTownSettings } from "@/lib/town/settings";

// Staff pages say they are the back office: « Famille TEST – Administration – Portail Familles ».
export async function generateMetadata(): Promise<Metadata> {
  await connection(); // rendered per request: `next build` must not open the database
  const town = await getTownSettings(getDb());
  return { title: { default: `Administration – ${town.portalName}`, template: `%s – Administration – ${town.portalName}` } };
}

// Navigation only: every admin page and action checks the staff role itself. The tabs' counters
// are read on every navigation (what waits for staff).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await staffPage();
  const counters = await backOfficeCounters(getDb(), viewer);
  return (
    <div className="space-y-6">
      <AdminNav role={viewer.role} counters={counters} />
      {children}
    </div>
  );
}
