"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FormStatus } from "@/components/family/form-controls";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import { ZForgotPasswordSchema, type TForgotPassword } from "@/lib/account/account.schema";
import type { ActionResult } from "@/lib/auth/action";

type Props = { action: (input: TForgotPassword) => Promise<ActionResult<{ message: string }>> };

/** "Identifiant ou Mot de passe oublié ?": always the same neutral answer. */
export function ForgotPasswordForm({ action }: Props) {
  const [status, setStatus] = useState<{ error?: string; success?: string } | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TForgotPassword>({ resolver: zodResolver(ZForgotPasswordSchema), defaultValues: { email: "" } });

  async function onValid(values: TForgotPassword) {
    setStatus(null);
    const result = await action(values);
    setStatus(result.ok ? { success: result.data.message } : { error: result.fieldErrors?.email?.[0] ?? result.error });
  }

  return (
    <form method="post" onSubmit={handleSubmit(onValid)} noValidate className="space-y-4">
      <TextField
        registration={register("email")}
        label="Identifiant"
        hint="L'adresse e-mail qui vous sert d'identifiant."
        type="email"
        autoComplete="username"
        required
        error={errors.email?.message}
      />
      <FormStatus error={status?.error} success={status?.success} />
      <SubmitButton pending={isSubmitting} label="Recevoir un lien" pendingLabel="Envoi…" />
    </form>
  );
}
