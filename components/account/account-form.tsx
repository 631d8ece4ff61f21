"use client";

import { SaveOrCancel } from "@/components/family/form-controls";
import type { FormStatusValue } from "@/components/ui/form/use-form-action";

/**
 * The account page's forms: posted in place, their fields, then the status and « Valider »
 * (no link back once saved: the page itself is where the user stays).
 */
export function AccountForm({
  onSubmit,
  status,
  isSubmitting,
  pendingLabel,
  children,
}: {
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  status: FormStatusValue;
  isSubmitting: boolean;
  pendingLabel: string;
  children: React.ReactNode;
}) {
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {children}
      <SaveOrCancel
        status={status}
        isSubmitting={isSubmitting}
        submitLabel="Valider"
        pendingLabel={pendingLabel}
        backLinkOnSuccess={false}
      />
    </form>
  );
}
