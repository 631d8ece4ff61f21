import type { ReactNode } from "react";

// The admin lists' filters: a GET form read back from the address, its fields (the form kit's)
// side by side.

/** A GET form whose fields (`children`) sit on one wrapping line, ending with its submit button. */
export function FilterForm({
  action,
  submitLabel = "Filtrer",
  className = "",
  role,
  children,
}: {
  action: string;
  submitLabel?: string;
  className?: string;
  role?: "search";
  children: ReactNode;
}) {
  return (
    <form method="get" role={role} className={`${className} flex flex-wrap items-end gap-3`.trim()} action={action}>
      {children}
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
        {submitLabel}
      </button>
    </form>
  );
}
