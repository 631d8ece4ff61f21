import "server-only";

import { z } from "zod";

import { publicAction } from "@/lib/auth/action";
import { ZChoosePasswordSchema } from "@/lib/auth/password-policy";
import { requestMeta } from "@/lib/auth/request-meta";
import { signInAfterPasswordLink } from "@/lib/auth/sign-in";
import * as clock from "@/lib/clock";
import type { DbClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const ZPasswordLinkSchema = ZChoosePasswordSchema.and(z.object({ token: z.string().min(1, "Lien incomplet.").max(200) }));

type UseLink = (
  db: DbClient,
  token: string,
  password: string,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
) => Promise<{ ok: true; userId: string; email: string } | { ok: false; message: string }>;

/**
 * The action behind a single-use link that sets a password (account activation, password
 * reset): `use` spends the link and sets the password, then the user is signed in.
 */
export function passwordLinkAction(use: UseLink) {
  return publicAction(ZPasswordLinkSchema, async (input, _viewer, db) => {
    const meta = await requestMeta();
    const result = await use(db, input.token, input.password, clock.now(), meta);
    if (!result.ok) throw new AppError("TOKEN", result.message);
    return { email: result.email, next: await signInAfterPasswordLink(db, result.userId, meta) };
  });
}
