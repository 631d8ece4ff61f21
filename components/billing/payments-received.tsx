import type { PaymentItem } from "@/lib/billing/family-invoices";
import { formatAmount } from "@/lib/billing/invoice-state";

/** The payments received for an invoice: « 10/11/2026 – Chèque – 5,00 € », or « Aucun ». */
export function PaymentsReceived({ payments }: { payments: PaymentItem[] }) {
  if (payments.length === 0) return <span className="text-muted">Aucun</span>;
  return (
    <ul className="space-y-0.5">
      {payments.map((payment) => (
        <li key={payment.id}>
          {payment.receivedOn} – {payment.method} – <span className="whitespace-nowrap">{formatAmount(payment.amountCents)}</span>
        </li>
      ))}
    </ul>
  );
}
