import type { ActionResult } from "@/lib/auth/action";

/** The French message of a refused action, announced where it appears. */
export function ActionError({ result }: { result: ActionResult<unknown> | null }) {
  return result && !result.ok ? (
    <p role="alert" className="text-accent-dark">
      {result.error}
    </p>
  ) : null;
}
