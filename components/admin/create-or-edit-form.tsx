"use client";

import type { z } from "zod";

import type { ActionResult } from "@/lib/auth/action";

import { ActionForm } from "./action-form";

/** What a create-or-edit form says: its button to create, and its two outcomes. */
export type CreateOrEditTexts = { createLabel: string; created: string; saved: string };

/**
 * One form for a record's creation and edition: given the record, it posts its id, checks the
 * update schema and saves « label »; without, it checks the creation schema and is emptied once
 * the record is added.
 */
export function CreateOrEditForm({
  action,
  record,
  schemas,
  texts,
  children,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  record?: { id: string; label: string };
  schemas: { create: z.ZodType; update: z.ZodType };
  texts: CreateOrEditTexts;
  children: React.ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      schema={record ? schemas.update : schemas.create}
      submitLabel={record ? `Enregistrer « ${record.label} »` : texts.createLabel}
      successMessage={record ? texts.saved : texts.created}
      resetOnSuccess={!record}
    >
      {record ? <input type="hidden" name="id" value={record.id} /> : null}
      {children}
    </ActionForm>
  );
}
