"use client";

import { signOut } from "next-auth/react";

export function LogoutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded border border-white px-3 py-1 font-semibold hover:bg-white hover:text-brand"
    >
      Se déconnecter
    </button>
  );
}
