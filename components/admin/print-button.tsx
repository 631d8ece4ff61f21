"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded border border-brand bg-white px-4 py-2 font-semibold text-brand"
    >
      Imprimer
    </button>
  );
}
