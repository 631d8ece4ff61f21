import { AdminNav } from "@/components/admin/admin-nav";
import { staffPage } from "@/lib/auth/session";

// Navigation only: every admin page and action checks the staff role itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await staffPage();
  return (
    <div className="space-y-6">
      <AdminNav role={viewer.role} />
      {children}
    </div>
  );
}
