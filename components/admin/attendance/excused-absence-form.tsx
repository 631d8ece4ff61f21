"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { RadioGroup } from "@/components/ui/form/choice-fields";
import { ZBillExcusedAbsenceSchema } from "@/lib/attendance/attendance.schema";

/** The town's choice on billing a day missed with an excused absence (medical certificate). */
export function ExcusedAbsenceForm({ action, billed }: { action: FormDataAction; billed: boolean }) {
  return (
    <ActionForm action={action} schema={ZBillExcusedAbsenceSchema} submitLabel="Enregistrer" successMessage="Choix enregistré.">
      <RadioGroup
        id="bill-excused-absence"
        name="billExcusedAbsence"
        label="Une absence excusée avec un certificat médical est-elle facturée ?"
        required
        defaultValue={billed ? "true" : "false"}
        options={[
          { value: "false", label: "Non, la journée n'est pas facturée" },
          { value: "true", label: "Oui, la journée est facturée" },
        ]}
      />
    </ActionForm>
  );
}
