"use client";

import { createContext, useContext, useRef, useState } from "react";

import { ButtonActionForm } from "@/components/ui/form/button-action-form";
import type { ActionResult } from "@/lib/auth/action";
import { ZResendMailSchema } from "@/lib/mail/outbox-admin.schema";

// « Renvoyer » on the page « Envois ». The row's button is disabled while the action runs, and
// gone after the refresh when the mail was sent meanwhile, so the success is said above the table,
// in a status region that outlives the row's form (OutboxAnnouncer), and the focus moves there
// instead of being lost.

type Announce = (message: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

/** The table of mails with, above it, the region where « Renvoyer »'s successes are announced. */
export function OutboxAnnouncer({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState("");
  const messageRef = useRef<HTMLParagraphElement>(null);
  const announce: Announce = (text) => {
    setMessage(text);
    // After React has rendered the message: the button that had the focus is about to disappear.
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  return (
    <AnnounceContext.Provider value={announce}>
      <div role="status" aria-live="polite">
        {message ? (
          <p ref={messageRef} tabIndex={-1} className="rounded bg-green-50 px-4 py-3 font-semibold text-green-900">
            {message}
          </p>
        ) : null}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ to: string }>>;
  id: string;
  to: string;
  subject: string;
};

/** The button « Renvoyer » of one failed mail, asked for confirmation; a refusal is announced beside it. */
export function ResendMailForm({ action, id, to, subject }: Props) {
  const announce = useContext(AnnounceContext);
  return (
    <ButtonActionForm
      action={action}
      schema={ZResendMailSchema}
      hiddenFields={{ id }}
      confirmMessage={`Renvoyer l'e-mail « ${subject} » à ${to} ? Un nouvel essai est fait tout de suite, puis pendant 48 heures en cas d'échec.`}
      onSuccess={(data) =>
        announce(`L'e-mail à ${data.to} est remis en file d'attente : un nouvel essai est fait tout de suite.`)
      }
      className="space-y-1"
      buttonClassName="rounded border border-brand bg-white px-3 py-2 font-semibold text-brand hover:bg-blue-50 disabled:opacity-70"
      label="Renvoyer"
      pendingLabel="Patientez…"
      srLabel={<> l&apos;e-mail à {to}</>}
    />
  );
}
