import type { Metadata } from "next";

import { ActionForm } from "@/components/admin/action-form";
import { CreateStaffForm, StaffRoleForm } from "@/components/admin/create-staff-form";
import { Panel } from "@/components/ui/panel";
import { adminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { staffRoleLabel } from "@/lib/staff/role-labels";
import { listStaff } from "@/lib/staff/staff";

import { createStaffAction, resetStaffSecondFactorAction, setStaffActiveAction, setStaffRoleAction } from "./actions";

export const metadata: Metadata = { title: "Personnel" };

export default async function StaffPage() {
  const viewer = await adminPage();
  const db = getDb();
  const staff = await listStaff(db, viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Personnel</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Panel title="Nouveau compte">
          <CreateStaffForm action={createStaffAction} />
        </Panel>
        <Panel title="Comptes du personnel">
          <ul className="divide-y divide-gray-200">
            {staff.map((member) => (
              <li key={member.id} className="space-y-2 py-3">
                <p className="font-semibold">
                  {member.lastName} {member.firstName} – {member.email} – {staffRoleLabel(member.role)}
                </p>
                <p className="text-sm">
                  {!member.active ? "Désactivé" : member.activatedAt ? "Actif" : "En attente d'activation"}
                  {member.lastLoginAt ? ` – dernière connexion le ${formatDateTime(member.lastLoginAt)}` : ""}
                  {" – double authentification "}
                  {member.totpEnabledAt
                    ? `activée le ${formatDateTime(member.totpEnabledAt)}`
                    : "à activer à la prochaine connexion"}
                </p>
                {member.id === viewer.userId ? (
                  <p className="text-sm text-muted">Votre compte (modifiable par un autre administrateur).</p>
                ) : (
                  <div className="flex flex-wrap items-end gap-4">
                    <StaffRoleForm action={setStaffRoleAction} userId={member.id} role={member.role} />
                    <ActionForm
                      action={setStaffActiveAction}
                      submitLabel={member.active ? "Désactiver" : "Réactiver"}
                      confirmMessage={member.active ? `Désactiver le compte de ${member.email} ?` : undefined}
                      variant={member.active ? "danger" : "secondary"}
                    >
                      <input type="hidden" name="userId" value={member.id} />
                      <input type="hidden" name="active" value={member.active ? "false" : "true"} />
                    </ActionForm>
                    {member.totpEnabledAt ? (
                      <ActionForm
                        action={resetStaffSecondFactorAction}
                        submitLabel="Réinitialiser la double authentification"
                        confirmMessage={`Réinitialiser la double authentification de ${member.email} ? Ses sessions seront fermées et il devra enregistrer un nouveau téléphone à sa prochaine connexion.`}
                        variant="secondary"
                      >
                        <input type="hidden" name="userId" value={member.id} />
                      </ActionForm>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Panel>
      </div>
    </div>
  );
}
