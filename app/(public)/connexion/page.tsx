import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { afterLoginPath, safeRedirectPath } from "@/lib/auth/safe-redirect";
import { currentViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Only a path of this portal is ever carried on (lib/auth/safe-redirect.ts).
  const safeCallback = safeRedirectPath(callbackUrl) ?? undefined;
  const viewer = await currentViewer();
  if (viewer) redirect(afterLoginPath(safeCallback, viewer.role));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold text-brand">Connexion</h1>
      <LoginForm callbackUrl={safeCallback} />
    </div>
  );
}
