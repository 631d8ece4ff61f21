"use client";

import { getSession, signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { TextField } from "@/components/ui/text-field";

// The guide's login box: Identifiant (the e-mail), Mot de passe, Connexion, and the
// "Identifiant ou Mot de passe oublié ?" link.
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Identifiant ou mot de passe incorrect.");
        return;
      }
      const session = await getSession();
      const fallback = session?.user.role === "PARENT" ? "/espace" : "/admin";
      const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : null;
      router.push(safeCallback ?? fallback);
      router.refresh();
    } catch {
      setError("La connexion a échoué. Vérifiez votre connexion internet et réessayez.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="overflow-hidden rounded-lg bg-white shadow">
      <h2 id={`${id}-title`} className="bg-brand px-4 py-3 text-base font-bold uppercase text-white">
        Connexion à votre espace
      </h2>
      <form onSubmit={onSubmit} className="space-y-4 p-4" noValidate>
        <TextField name="email" type="email" label="Identifiant" hint="Votre adresse e-mail" autoComplete="username" required />
        <TextField name="password" type="password" label="Mot de passe" autoComplete="current-password" required />
        <div role="alert" aria-live="assertive" className="min-h-0">
          {error ? <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{error}</p> : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Link href="/mot-de-passe-oublie" className="text-brand underline">
            Identifiant ou Mot de passe oublié ?
          </Link>
          <button
            type="submit"
            disabled={pending}
            aria-busy={pending}
            className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
          >
            {pending ? "Connexion…" : "✓ Connexion"}
          </button>
        </div>
      </form>
    </section>
  );
}
