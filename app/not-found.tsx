import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page introuvable" };

// Every unknown address, and every page that answers notFound() (an unknown or foreign id).
export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-3 rounded-lg border border-gray-300 bg-white p-6">
      <h1 className="text-2xl font-bold text-brand">Page introuvable</h1>
      <p>L&apos;adresse demandée n&apos;existe pas, ou cette page ne vous est pas accessible.</p>
      <p>
        <Link href="/" className="font-semibold text-brand underline">
          Retour à l&apos;accueil
        </Link>
      </p>
    </div>
  );
}
