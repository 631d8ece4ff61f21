"use client";

/** A form's main button: disabled and saying so while the form is being sent. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  onClick,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  onClick?: () => void;
}) {
  return (
    <button
      type={onClick ? "button" : "submit"}
      onClick={onClick}
      disabled={pending}
      aria-busy={pending}
      className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
