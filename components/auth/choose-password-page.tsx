import Link from "next/link";
import { ChoosePasswordForm } from "@/components/auth/choose-password-form";
import { Panel } from "@/components/ui/panel";
import type { ActionResult } from "@/lib/auth/action";
import { peekAuthToken, TOKEN_ERROR_MESSAGE } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import type { TokenPurpose } from "@/lib/db/generated/client";

type Props = {
  title: string;
  jeton: string | undefined;
  purpose: TokenPurpose;
  submitLabel: string;
  action: (input: { token: string; password: string; confirmation: string }) => Promise<ActionResult<{ email: string; next: string }>>;
  /** Where to go when the link is not (or no longer) valid. */
  fallback: { href: string; label: string };
};

/** The page behind a single-use link that sets a password (activation, reset). */
export async function ChoosePasswordPage({ title, jeton, purpose, submitLabel, action, fallback }: Props) {
  const token = jeton ? await peekAuthToken(getDb(), jeton, purpose) : ({ ok: false, reason: "invalid" } as const);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">{title}</h1>
      <Panel title="Choisissez votre mot de passe">
        {token.ok ? (
          <ChoosePasswordForm token={jeton!} submitLabel={submitLabel} action={action} />
        ) : (
          <div role="alert" className="space-y-3">
            <p>{TOKEN_ERROR_MESSAGE[token.reason]}</p>
            <p>
              <Link href={fallback.href} className="text-brand underline">
                {fallback.label}
              </Link>
            </p>
          </div>
        )}
      </Panel>
    </div>
  );
}
