import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const viewer = await currentViewer();
  if (viewer) redirect(viewer.role === "PARENT" ? "/espace" : "/admin");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold text-brand">Connexion</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
