import type { Metadata } from "next";
import type { ComponentProps } from "react";

import { ChoosePasswordPage } from "@/components/auth/choose-password-page";
import { linkProblem } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { parseText, type TSearchParams } from "@/lib/http/url-params";

// The page a single-use link opens (`?jeton=…`) to choose a password. Activation and reset are
// one page with two purposes: only their words, and what using the link does, differ.
const PURPOSES = {
  ACTIVATION: {
    title: "Activation de votre compte",
    submitLabel: "Activer mon compte",
    fallback: { href: "/", label: "Retour à l'accueil" },
  },
  PASSWORD_RESET: {
    title: "Nouveau mot de passe",
    submitLabel: "Enregistrer mon mot de passe",
    fallback: { href: "/mot-de-passe-oublie", label: "Demander un nouveau lien" },
  },
} as const;

type Purpose = keyof typeof PURPOSES;
type Action = ComponentProps<typeof ChoosePasswordPage>["action"];

export function passwordLinkMetadata(purpose: Purpose): Metadata {
  return { title: PURPOSES[purpose].title };
}

export function passwordLinkPage(purpose: Purpose, action: Action) {
  return async function PasswordLinkPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
    const jeton = parseText((await searchParams).jeton) ?? undefined;
    const problem = await linkProblem(getDb(), jeton, purpose);
    return <ChoosePasswordPage {...PURPOSES[purpose]} problem={problem} jeton={jeton} action={action} />;
  };
}
