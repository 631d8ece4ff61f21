import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Réservé aux administrateurs" };

// An agent on an administrators' page (adminPage() in lib/auth/session.ts answers 403).
export default function Forbidden() {
  return (
    <div className="max-w-2xl space-y-3 rounded-lg border border-gray-300 bg-white p-6">
      <h1 className="text-2xl font-bold text-brand">Réservé aux administrateurs</h1>
      <p>Cette page est réservée aux administrateurs du portail. Si vous en avez besoin, adressez-vous à un administrateur.</p>
      <p>
        <Link href="/admin" className="font-semibold text-brand underline">
          Retour à l&apos;accueil de la gestion
        </Link>
      </p>
    </div>
  );
}
