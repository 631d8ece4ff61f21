"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { z } from "zod";

import { ActionError } from "@/components/ui/form/action-error";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";

type Props<TData> = {
  action: (input: FormData) => Promise<ActionResult<TData>>;
  /** The action's own zod schema, checked before posting (same messages; the server still decides). */
  schema: z.ZodType;
  /** Posted as hidden inputs: the id of what the button acts on. */
  hiddenFields: Record<string, string>;
  /** Asked before posting. */
  confirmMessage?: string;
  /** Runs after a success, before the page refreshes. */
  onSuccess?: (data: TData) => void;
  /** The success's message, said in a status region under the button (and given the focus when `focus`). */
  success?: { message: (data: TData) => string; className: string; focus?: boolean };
  className: string;
  buttonClassName: string;
  /** Marks the button aria-busy while the action runs. */
  busy?: boolean;
  label: React.ReactNode;
  pendingLabel: React.ReactNode;
  /** Said to screen readers after the label, pending or not (« le paiement de la facture F-… »). */
  srLabel?: React.ReactNode;
  /** Shown under the button. */
  children?: React.ReactNode;
};

/**
 * A form that is one button (« Revérifier », « Payer en ligne », « Renvoyer »): it posts its
 * hidden fields to the action, disables the button while it runs, refreshes the page after a
 * success, and announces a refusal beside the button.
 */
export function ButtonActionForm<TData>({
  action,
  schema,
  hiddenFields,
  confirmMessage,
  onSuccess,
  success,
  className,
  buttonClassName,
  busy,
  label,
  pendingLabel,
  srLabel,
  children,
}: Props<TData>) {
  const router = useRouter();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const { result, pending, post } = useCheckedAction(action, schema, (data) => {
    onSuccess?.(data);
    if (success?.focus) requestAnimationFrame(() => messageRef.current?.focus());
    router.refresh();
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    post(new FormData(event.currentTarget));
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={className}>
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-busy={busy ? pending : undefined} className={buttonClassName}>
        {pending ? pendingLabel : label}
        {srLabel ? <span className="sr-only">{srLabel}</span> : null}
      </button>
      {children}
      {success ? (
        <div role="status" aria-live="polite">
          {result?.ok ? (
            <p ref={messageRef} tabIndex={success.focus ? -1 : undefined} className={success.className}>
              {success.message(result.data)}
            </p>
          ) : null}
        </div>
      ) : null}
      <ActionError result={result} />
    </form>
  );
}
