// Password rules (NIST SP 800-63B, ANSSI): length rather than composition — at least 12
// characters, at most 128, any characters, and not one of the 10 000 most common passwords.
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

let commonPasswords: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    fs
      .readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "data/common-passwords-10k.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords.has(password.toLowerCase());
}

export const ZNewPasswordSchema = z
  .string({ error: "Saisissez un mot de passe." })
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(PASSWORD_MAX_LENGTH, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`)
  .refine((password) => !isCommonPassword(password), {
    error: "Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre.",
  });

/** New password typed twice ("Nouveau mot de passe" / "Ressaisissez votre nouveau mot de passe"). */
export const ZChoosePasswordSchema = z
  .object({
    password: ZNewPasswordSchema,
    confirmation: z.string({ error: "Ressaisissez votre nouveau mot de passe." }),
  })
  .refine((value) => value.password === value.confirmation, {
    error: "Les deux mots de passe ne sont pas identiques.",
    path: ["confirmation"],
  });
