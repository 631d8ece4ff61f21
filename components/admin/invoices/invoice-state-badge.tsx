import { INVOICE_STATE_LABELS, type InvoiceState } from "@/lib/billing/invoice-state";

// The state of an invoice in words, its colour only a second cue (the text says it all).
const COLOURS: Record<InvoiceState, string> = {
  A_PAYER: "bg-blue-100 text-blue-900",
  PARTIELLEMENT_PAYEE: "bg-amber-100 text-amber-900",
  PAYEE: "bg-green-100 text-green-900",
  EN_RETARD: "bg-red-100 text-red-900",
  ANNULEE: "bg-gray-200 text-gray-800",
  AVOIR: "bg-purple-100 text-purple-900",
};

export function InvoiceStateBadge({ state }: { state: InvoiceState }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${COLOURS[state]}`}>
      {INVOICE_STATE_LABELS[state]}
    </span>
  );
}
