"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { PasswordField, TextField } from "@/components/ui/form/text-field";
import { useFieldRegistration } from "@/components/ui/form/use-field-registration";
import { useFormAction } from "@/components/ui/form/use-form-action";
import { ZChangeEmailSchema, type TChangeEmail } from "@/lib/account/account.schema";
import type { ActionResult } from "@/lib/auth/action";

import { AccountForm } from "./account-form";

type Props = { currentEmail: string; action: (input: TChangeEmail) => Promise<ActionResult<{ newEmail: string }>> };

/** "Modifier mon login (adresse mail)": the change happens when the link sent to the new address is used. */
export function ChangeEmailForm({ currentEmail, action }: Props) {
  const form = useForm<TChangeEmail>({
    resolver: zodResolver(ZChangeEmailSchema),
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const { handleSubmit, setError, resetField, formState } = form;
  const field = useFieldRegistration(form);
  const { status, submit } = useFormAction(action, setError, (data) => {
    resetField("currentPassword");
    return `Un message a été envoyé à ${data.newEmail}. Votre identifiant sera modifié lorsque vous aurez utilisé le lien qu'il contient (valable 24 heures). Votre adresse actuelle en est informée.`;
  });

  return (
    <AccountForm onSubmit={handleSubmit(submit)} status={status} isSubmitting={formState.isSubmitting} pendingLabel="Envoi…">
      <p>
        Identifiant actuel : <strong>{currentEmail}</strong>
      </p>
      <TextField {...field("newEmail")} label="Nouvelle adresse e-mail" type="email" autoComplete="email" required />
      <PasswordField purpose="current" {...field("currentPassword")} label="Mot de passe actuel" />
    </AccountForm>
  );
}
