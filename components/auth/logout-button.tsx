import { logoutAction } from "@/app/(public)/connexion/actions";

/** A form, not a script: « Se déconnecter » works before the page's JavaScript has loaded. */
export function LogoutButton() {
  return (
    <form action={logoutAction}>
      <button type="submit" className="rounded border border-white px-3 py-1 font-semibold hover:bg-white hover:text-brand">
        Se déconnecter
      </button>
    </form>
  );
}
