import { AdminNav } from "@/components/admin/admin-nav";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { backOfficeCounters } from "@/lib/staff/back-office-home";

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
