"use client";

import type { z } from "zod";
import type { ActionResult } from "@/lib/auth/action";
import { ActionForm } from "./action-form";

/**
 * One form for a record's creation and edition: given the record, it posts its id and checks the
 * update schema; without, it checks the creation schema and is emptied once the record is added.
 */
export function CreateOrEditForm({
  action,
  record,
  schemas,
  submitLabel,
  successMessage,
  children,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  record?: { id: string };
  schemas: { create: z.ZodType; update: z.ZodType };
  submitLabel: string;
  successMessage: string;
  children: React.ReactNode;
}) {
  return (
    <ActionForm action={action} schema={record ? schemas.update : schemas.create} submitLabel={submitLabel} successMessage={successMessage} resetOnSuccess={!record}>
      {record ? <input type="hidden" name="id" value={record.id} /> : null}
      {children}
    </ActionForm>
  );
}
