import type { Metadata } from "next";

import { staffPage } from "@/lib/auth/session";
import { STAFF_ROLE_LABELS } from "@/lib/staff/role-labels";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const viewer = await staffPage();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Administration</h1>
      <p>
        Bonjour {viewer.name} ({STAFF_ROLE_LABELS[viewer.role]}). Choisissez une rubrique ci-dessus.
      </p>
    </div>
  );
}
