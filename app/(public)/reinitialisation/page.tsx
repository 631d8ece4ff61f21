import type { Metadata } from "next";
import { ChoosePasswordPage } from "@/components/auth/choose-password-page";
import { parseText, type TSearchParams } from "@/lib/http/url-params";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const jeton = parseText((await searchParams).jeton) ?? undefined;
  return (
    <ChoosePasswordPage
      title="Nouveau mot de passe"
      jeton={jeton}
      purpose="PASSWORD_RESET"
      submitLabel="Enregistrer mon mot de passe"
      action={resetPasswordAction}
      fallback={{ href: "/mot-de-passe-oublie", label: "Demander un nouveau lien" }}
    />
  );
}
