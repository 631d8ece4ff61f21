// Creates a family and its parent account, and sends the activation e-mail now:
//   npm run family:create -- --email parent@exemple.fr --name DUPONT
// The mail goes through SMTP when configured (SMTP_URL, SMTP_HOST…), otherwise to the
// development outbox (http://localhost:3000/dev/outbox).
import { parseArgs } from "node:util";

import { createFamilyAccount } from "@/lib/families/create-family-account";
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
    const account = await createFamilyAccount(database.prisma, { email: values.email, familyName: values.name }, { mailConfig });
    console.log(`Famille ${values.name.trim().toUpperCase()} créée sur ${describeTarget(database)} (compte ${account.email}).`);
    console.log(
      mailConfig.kind === "smtp"
        ? `Message d'activation envoyé à ${account.email}.`
        : `Message d'activation déposé dans la boîte d'envoi de développement : /dev/outbox (lien valable 7 jours).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
