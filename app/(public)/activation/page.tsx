import type { Metadata } from "next";
import { ChoosePasswordPage } from "@/components/auth/choose-password-page";
import { linkProblem } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { activateAccountAction } from "./actions";

export const metadata: Metadata = { title: "Activation de votre compte" };

export default async function ActivationPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  return (
    <ChoosePasswordPage
      title="Activation de votre compte"
      jeton={jeton}
      problem={await linkProblem(getDb(), jeton, "ACTIVATION")}
      submitLabel="Activer mon compte"
      action={activateAccountAction}
      fallback={{ href: "/", label: "Retour à l'accueil" }}
    />
  );
}
