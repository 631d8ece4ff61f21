import { INVOICE_STATE_LABELS, type InvoiceState } from "@/lib/billing/invoice-state";

// ⧗ to pay, ◐ partly paid, ✓ paid, ! late, ✗ cancelled, ↺ credit note: the icon is decoration,
// the state is written in words.
const ICONS: Record<InvoiceState, { icon: string; color: string }> = {
  A_PAYER: { icon: "⧗", color: "text-amber-800" },
  PARTIELLEMENT_PAYEE: { icon: "◐", color: "text-amber-800" },
  PAYEE: { icon: "✓", color: "text-green-800" },
  EN_RETARD: { icon: "!", color: "text-accent-dark" },
  ANNULEE: { icon: "✗", color: "text-muted" },
  AVOIR: { icon: "↺", color: "text-muted" },
};

/** An invoice's state (invoiceState): its icon and its name. */
export function InvoiceStateBadge({ state }: { state: InvoiceState }) {
  const { icon, color } = ICONS[state];
  return (
    <span className="font-semibold whitespace-nowrap">
      <span aria-hidden="true" className={`font-bold ${color}`}>
        {icon}
      </span>{" "}
      {INVOICE_STATE_LABELS[state]}
    </span>
  );
}
