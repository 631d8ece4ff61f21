// `npm run -s demo:totp -- agent@demo.fr`: the current 6-digit code of a demo staff account's
// second factor, so that a newcomer can try the back office. It reads no database (the embedded
// one is held by `npm run dev`): the demo accounts share a published secret (lib/auth/demo-totp.ts).
import { generate, getRemainingTime } from "otplib";

import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { DEMO_ACCOUNTS } from "@/prisma/seed";

async function main() {
  const email = (process.argv[2] ?? DEMO_ACCOUNTS.agent).trim().toLowerCase();
  if (email !== DEMO_ACCOUNTS.agent && email !== DEMO_ACCOUNTS.admin) {
    console.error(`Seuls les comptes de démonstration ${DEMO_ACCOUNTS.agent} et ${DEMO_ACCOUNTS.admin} ont un code connu.`);
    process.exit(2);
  }
  const code = await generate({ secret: DEMO_TOTP_SECRET });
  console.log(code);
  if (process.stdout.isTTY) console.error(`(valable encore ${getRemainingTime()} s)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
