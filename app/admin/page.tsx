import type { Metadata } from "next";

import { MailFailureAlert } from "@/components/admin/mail-failure-alert";
import { staffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { mailFailureAlert } from "@/lib/mail/outbox-admin";
import { STAFF_ROLE_LABELS } from "@/lib/staff/role-labels";

export const metadata: Metadata = { title: "Accueil" };

export default async function AdminHomePage() {
  const viewer = await staffPage();
  const alert = await mailFailureAlert(getDb(), viewer);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Administration</h1>
      <MailFailureAlert count={alert.count} since={alert.since} role={viewer.role} />
      <p>
        Bonjour {viewer.name} ({STAFF_ROLE_LABELS[viewer.role]}). Choisissez une rubrique ci-dessus.
      </p>
    </div>
  );
}
