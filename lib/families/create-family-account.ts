import "server-only";

import { queueActivationMail } from "@/lib/auth/activation";
import { normaliseEmail } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

// SPEC §2: accounts are created for a family (by staff, or by scripts/create-family.ts); the
// parent receives an activation e-mail and chooses a password.

export async function createFamilyAccount(
  db: PrismaClient,
  input: { email: string; familyName: string },
  options: { now?: Date } = {},
): Promise<{ familyId: string; userId: string; email: string }> {
  const email = normaliseEmail(input.email);
  const familyName = input.familyName.trim().toUpperCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError("INVALID", `Adresse e-mail invalide : ${input.email}`);
  if (!familyName) throw new AppError("INVALID", "Le nom de la famille est obligatoire.");
  if ((await db.user.count({ where: { email } })) > 0)
    throw new AppError("TAKEN", `L'adresse ${email} est déjà l'identifiant d'un compte.`);
  // The account and its activation mail (in the outbox) commit together.
  return db.$transaction(async (tx) => {
    const family = await tx.family.create({
      data: { name: familyName, users: { create: { email, role: "PARENT" } } },
      select: { id: true, users: { select: { id: true } } },
    });
    const userId = family.users[0].id;
    await queueActivationMail(tx, userId, options);
    return { familyId: family.id, userId, email };
  });
}
