// Creates a family and its parent account, and sends the activation e-mail now:
//   npm run family:create -- --email parent@exemple.fr --name DUPONT
// The mail is written to the outbox with the account, then delivered at once by this script (as
// the job runner of a running portal would): through SMTP when configured (SMTP_URL, SMTP_HOST…),
// otherwise into the development outbox (http://localhost:3000/dev/outbox).
import { parseArgs } from "node:util";

import { createFamilyAccount } from "@/lib/families/create-family-account";
import { deliverDueMails } from "@/lib/mail/delivery";
import { mailConfigFromEnv } from "@/lib/mail/transport";

import { describeTarget, openMigratedDatabase } from "./db-target";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email || !values.name) {
    console.error("Usage : npm run family:create -- --email parent@exemple.fr --name DUPONT");
    process.exit(2);
  }
  const mailConfig = mailConfigFromEnv();
  const { database } = await openMigratedDatabase();
  try {
    const account = await createFamilyAccount(database.prisma, { email: values.email, familyName: values.name });
    console.log(`Famille ${values.name.trim().toUpperCase()} créée sur ${describeTarget(database)} (compte ${account.email}).`);
    const delivery = await deliverDueMails(database.prisma, mailConfig, { instance: "family:create" });
    if (delivery.sent === 0) {
      console.log(
        `Message d'activation en attente d'envoi (serveur SMTP indisponible ?) : le portail le renverra automatiquement.`,
      );
    } else {
      console.log(
        mailConfig.kind === "smtp"
          ? `Message d'activation envoyé à ${account.email}.`
          : `Message d'activation déposé dans la boîte d'envoi de développement : /dev/outbox (lien valable 7 jours).`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
