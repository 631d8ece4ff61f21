"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";

import { ActionError } from "@/components/ui/form/action-error";
import { ButtonActionForm } from "@/components/ui/form/button-action-form";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { SelectField } from "@/components/ui/form/select-field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";
import { ZAttachChildSchema, ZRequestStepSchema } from "@/lib/early-childhood/family-request.schema";

type StepAction = (input: FormData) => Promise<ActionResult<unknown>>;

const PRIMARY = "rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70";
const SECONDARY = "rounded border border-brand bg-white px-5 py-2 font-bold text-brand hover:bg-blue-50 disabled:opacity-70";
const DANGER =
  "rounded border border-accent-dark bg-white px-5 py-2 font-bold text-accent-dark hover:bg-red-50 disabled:opacity-70";

/** One step of the family on its request (send, confirm, accept, decline, cancel): a button, asked to confirm when it says so. */
export function RequestStepButton({
  action,
  request,
  label,
  pendingLabel = "Patientez…",
  confirmMessage,
  variant = "primary",
  successMessage,
}: {
  action: StepAction;
  request: { id: string; version: number };
  label: string;
  pendingLabel?: string;
  confirmMessage?: string;
  variant?: "primary" | "secondary" | "danger";
  successMessage?: string;
}) {
  return (
    <ButtonActionForm
      action={action}
      schema={ZRequestStepSchema}
      hiddenFields={{ id: request.id, version: String(request.version) }}
      confirmMessage={confirmMessage}
      className="space-y-2"
      buttonClassName={variant === "primary" ? PRIMARY : variant === "danger" ? DANGER : SECONDARY}
      busy
      label={label}
      pendingLabel={pendingLabel}
      success={
        successMessage ? { message: () => successMessage, className: "font-semibold text-green-800", focus: true } : undefined
      }
    />
  );
}

/** « Rattacher l'enfant né »: the children born near the expected date, one to pick. */
export function AttachChildForm({
  action,
  request,
  candidates,
}: {
  action: StepAction;
  request: { id: string; version: number };
  candidates: { id: string; name: string }[];
}) {
  const id = useId();
  const router = useRouter();
  const { result, pending, post } = useCheckedAction(action, ZAttachChildSchema, () => router.refresh());
  return (
    <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
      <form
        method="post"
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          post(new FormData(event.currentTarget));
        }}
      >
        <input type="hidden" name="id" value={request.id} />
        <input type="hidden" name="version" value={request.version} />
        <SelectField
          name="childId"
          id={`${id}-child`}
          label="Enfant né"
          required
          placeholder="— Choisissez —"
          options={candidates.map((child) => ({ value: child.id, label: child.name }))}
          className="min-w-60"
        />
        <button type="submit" disabled={pending} aria-busy={pending} className={SECONDARY}>
          {pending ? "Patientez…" : "Rattacher l'enfant né"}
        </button>
        <div className="w-full">
          <ActionError result={result} />
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
