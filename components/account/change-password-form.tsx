"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";

import { PasswordField } from "@/components/ui/form/text-field";
import { useFieldRegistration } from "@/components/ui/form/use-field-registration";
import { useFormAction } from "@/components/ui/form/use-form-action";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ZChangePasswordSchema,
  type TChangePassword,
} from "@/lib/account/account.schema";
import type { ActionResult } from "@/lib/auth/action";

import { AccountForm } from "./account-form";

const NEW_PASSWORD_HINT = `De ${PASSWORD_MIN_LENGTH} à ${PASSWORD_MAX_LENGTH} caractères. Une phrase facile à retenir convient très bien.`;

type Props = { action: (input: TChangePassword) => Promise<ActionResult<{ email: string }>> };

/** Guide: "Modification de votre mot de passe" — Ancien, Nouveau, Ressaisissez; Annuler / Valider. */
export function ChangePasswordForm({ action }: Props) {
  const router = useRouter();
  const form = useForm<TChangePassword>({
    resolver: zodResolver(ZChangePasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirmation: "" },
  });
  const { handleSubmit, setError, reset, formState } = form;
  const field = useFieldRegistration(form);
  const { status, submit } = useFormAction(action, setError, () => {
    // Every other session was signed out; the action gave this browser a fresh session cookie.
    reset();
    router.refresh();
    return "Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.";
  });

  return (
    <AccountForm
      onSubmit={handleSubmit(submit)}
      status={status}
      isSubmitting={formState.isSubmitting}
      pendingLabel="Enregistrement…"
    >
      <PasswordField purpose="current" {...field("currentPassword")} label="Ancien mot de passe" />
      <PasswordField purpose="new" {...field("password")} label="Nouveau mot de passe" hint={NEW_PASSWORD_HINT} />
      <PasswordField purpose="new" {...field("confirmation")} label="Ressaisissez votre nouveau mot de passe" />
    </AccountForm>
  );
}
