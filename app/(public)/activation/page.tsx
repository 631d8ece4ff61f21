import type { Metadata } from "next";
import { ChoosePasswordPage } from "@/components/auth/choose-password-page";
import { parseText, type TSearchParams } from "@/lib/http/url-params";
import { activateAccountAction } from "./actions";

export const metadata: Metadata = { title: "Activation de votre compte" };

export default async function ActivationPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const jeton = parseText((await searchParams).jeton) ?? undefined;
  return (
    <ChoosePasswordPage
      title="Activation de votre compte"
      jeton={jeton}
      purpose="ACTIVATION"
      submitLabel="Activer mon compte"
      action={activateAccountAction}
      fallback={{ href: "/", label: "Retour à l'accueil" }}
    />
  );
}
