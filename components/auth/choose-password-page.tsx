import Link from "next/link";

import { ChoosePasswordForm, type ChoosePasswordAction } from "@/components/auth/choose-password-form";
import { Panel } from "@/components/ui/panel";

type Props = {
  title: string;
  jeton: string | undefined;
  /** Why the link cannot be used (the page checks it, lib/auth/tokens.ts linkProblem), or null. */
  problem: string | null;
  submitLabel: string;
  action: ChoosePasswordAction;
  /** Where to go when the link is not (or no longer) valid. */
  fallback: { href: string; label: string };
};

/** The page behind a single-use link that sets a password (activation, reset). */
export function ChoosePasswordPage({ title, jeton, problem, submitLabel, action, fallback }: Props) {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">{title}</h1>
      <Panel title="Choisissez votre mot de passe">
        {problem === null && jeton ? (
          <ChoosePasswordForm token={jeton!} submitLabel={submitLabel} action={action} />
        ) : (
          <div role="alert" className="space-y-3">
            <p>{problem}</p>
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
