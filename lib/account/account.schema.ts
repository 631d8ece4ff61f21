// INFORMATIONS DU COMPTE forms and the password-reset request: one schema per form, shared by
// the form and its action. Browser-safe: the check against the 10 000 most common passwords
// reads a data file, so the action adds it (account.action-schema.ts).
import { z } from "zod";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-length";
import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const email = z
  .string({ error: "Saisissez une adresse e-mail." })
  .trim()
  .min(1, "Saisissez une adresse e-mail.")
  .max(254, "Adresse e-mail trop longue.")
  .pipe(z.email({ error: "Adresse e-mail invalide (exemple : prenom.nom@exemple.fr)." }));

/** "Modification de votre mot de passe": Ancien mot de passe, Nouveau, Ressaisissez. */
export const ZChangePasswordSchema = z
  .strictObject(
    {
      currentPassword: z
        .string({ error: "Saisissez votre ancien mot de passe." })
        .min(1, "Saisissez votre ancien mot de passe.")
        .max(1024),
      password: z
        .string({ error: "Saisissez un mot de passe." })
        .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`)
        .max(PASSWORD_MAX_LENGTH, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`),
      confirmation: z
        .string({ error: "Ressaisissez votre nouveau mot de passe." })
        .min(1, "Ressaisissez votre nouveau mot de passe."),
    },
    { error: UNEXPECTED_FIELD },
  )
  .refine((value) => value.password === value.confirmation, {
    error: "Les deux mots de passe ne sont pas identiques.",
    path: ["confirmation"],
  });
export type TChangePassword = z.input<typeof ZChangePasswordSchema>;

/** "Modifier mon login (adresse mail)": the new address and the current password. */
export const ZChangeEmailSchema = z.strictObject(
  {
    newEmail: email,
    currentPassword: z
      .string({ error: "Saisissez votre mot de passe actuel." })
      .min(1, "Saisissez votre mot de passe actuel.")
      .max(1024),
  },
  { error: UNEXPECTED_FIELD },
);
export type TChangeEmail = z.input<typeof ZChangeEmailSchema>;

/** "Identifiant ou Mot de passe oublié ?" */
export const ZForgotPasswordSchema = z.strictObject({ email }, { error: UNEXPECTED_FIELD });
export type TForgotPassword = z.input<typeof ZForgotPasswordSchema>;

/** The confirmation link's form (the secret travels in a hidden field). */
export const ZTokenSchema = z.strictObject(
  { token: z.string({ error: "Lien incomplet." }).min(1, "Lien incomplet.").max(200) },
  { error: UNEXPECTED_FIELD },
);
