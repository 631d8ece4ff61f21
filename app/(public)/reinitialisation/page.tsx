import type { Metadata } from "next";
import { ChoosePasswordPage } from "@/components/auth/choose-password-page";
import { linkProblem } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  return (
    <ChoosePasswordPage
      title="Nouveau mot de passe"
      jeton={jeton}
      problem={await linkProblem(getDb(), jeton, "PASSWORD_RESET")}
      submitLabel="Enregistrer mon mot de passe"
      action={resetPasswordAction}
      fallback={{ href: "/mot-de-passe-oublie", label: "Demander un nouveau lien" }}
    />
  );
}
