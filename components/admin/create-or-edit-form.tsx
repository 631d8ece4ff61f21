"use client";

import type { z } from "zod";

import type { ActionResult } from "@/lib/auth/action";

import { ActionForm } from "./action-form";

/**
 * What a create-or-edit form says: its button to create, its button to save (by default
 * « Enregistrer « label » »), and its two outcomes when it stays on the page.
 */
export type CreateOrEditTexts = { createLabel: string; saveLabel?: string; created?: string; saved?: string };

/** A kind of record's create-or-edit form: the schemas it checks, its texts and, if any, the page it leads to. */
export type CreateOrEditSpec = {
  schemas: { create: z.ZodType; update: z.ZodType };
  texts: CreateOrEditTexts;
  redirectTo?: (data: unknown) => string;
};

/**
 * One form for a record's creation and edition: given the record, it posts its id, checks the
 * update schema and saves it; without, it checks the creation schema and, unless it leads to
 * another page, is emptied once the record is added.
 */
export function CreateOrEditForm({
  action,
  record,
  spec: { schemas, texts, redirectTo },
  className,
  children,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  record?: { id: string; label?: string };
  spec: CreateOrEditSpec;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      schema={record ? schemas.update : schemas.create}
      submitLabel={record ? (texts.saveLabel ?? `Enregistrer « ${record.label} »`) : texts.createLabel}
      successMessage={record ? texts.saved : texts.created}
      redirectTo={redirectTo}
      resetOnSuccess={!record && !redirectTo}
      className={className}
    >
      {record ? <input type="hidden" name="id" value={record.id} /> : null}
      {children}
    </ActionForm>
  );
}
