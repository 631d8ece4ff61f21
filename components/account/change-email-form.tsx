"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SaveOrCancel } from "@/components/family/form-controls";
import { TextField } from "@/components/ui/form/text-field";
import { ZChangeEmailSchema, type TChangeEmail } from "@/lib/account/account.schema";
import { useServerFieldErrors } from "@/components/ui/form/use-server-field-errors";
import type { ActionResult } from "@/lib/auth/action";

type Props = { currentEmail: string; action: (input: TChangeEmail) => Promise<ActionResult<{ newEmail: string }>> };

/** "Modifier mon login (adresse mail)": the change happens when the link sent to the new address is used. */
export function ChangeEmailForm({ currentEmail, action }: Props) {
  const [status, setStatus] = useState<{ error?: string; success?: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<TChangeEmail>({ resolver: zodResolver(ZChangeEmailSchema), defaultValues: { newEmail: "", currentPassword: "" } });
  const showServerErrors = useServerFieldErrors(setError);

  async function onValid(values: TChangeEmail) {
    setStatus(null);
    const result = await action(values);
    if (!result.ok) {
      showServerErrors(result.fieldErrors);
      setStatus({ error: result.error });
      return;
    }
    resetField("currentPassword");
    setStatus({
      success: `Un message a été envoyé à ${result.data.newEmail}. Votre identifiant sera modifié lorsque vous aurez utilisé le lien qu'il contient (valable 24 heures). Votre adresse actuelle en est informée.`,
    });
  }

  return (
    <form method="post" onSubmit={handleSubmit(onValid)} noValidate className="space-y-4">
      <p>
        Identifiant actuel : <strong>{currentEmail}</strong>
      </p>
      <TextField registration={register("newEmail")} label="Nouvelle adresse e-mail" type="email" autoComplete="email" required error={errors.newEmail?.message} />
      <TextField
        registration={register("currentPassword")}
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword?.message}
      />
      <SaveOrCancel status={status} isSubmitting={isSubmitting} submitLabel="Valider" pendingLabel="Envoi…" backLinkOnSuccess={false} />
    </form>
  );
}
