import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

import type { MailTown } from "./render-mail";

/** The town's name and Guichet unique contacts, for the signature of every e-mail. */
export async function loadMailTown(db: PrismaClient | Prisma.TransactionClient): Promise<MailTown> {
  const settings = await db.townSettings.findUnique({
    where: { id: 1 },
    select: { townName: true, portalName: true, guichetName: true, guichetPhone: true, guichetEmail: true },
  });
  return (
    settings ?? {
      townName: "",
      portalName: "Portail Familles",
      guichetName: "Guichet unique",
      guichetPhone: "",
      guichetEmail: "",
    }
  );
}
