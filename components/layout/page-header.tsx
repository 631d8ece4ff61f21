import Link from "next/link";
import type { ReactNode } from "react";

/** The link back up, above a page's title: « ← Retour à mon espace ». */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href} className="text-brand underline">
        ← {children}
      </Link>
    </p>
  );
}

/** A page's title, its one h1, under the link back up when the page has one. */
export function PageHeader({ title, back }: { title: ReactNode; back?: { href: string; label: ReactNode } }) {
  return (
    <>
      {back ? <BackLink href={back.href}>{back.label}</BackLink> : null}
      <h1 className="text-2xl font-bold text-brand">{title}</h1>
    </>
  );
}
