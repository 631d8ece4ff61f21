/** The link to an invoice's or a credit note's PDF (app/api/factures/[id]/pdf), named in full for screen readers. */
export function InvoicePdfLink({
  invoice,
  label = "PDF",
}: {
  invoice: { id: string; number: string; kind: "INVOICE" | "CREDIT_NOTE" };
  label?: string;
}) {
  const what = invoice.kind === "CREDIT_NOTE" ? "de l'avoir" : "de la facture";
  return (
    // A plain link: the route answers with an attachment, there is no page to prefetch.
    <a
      href={`/api/factures/${invoice.id}/pdf`}
      className="whitespace-nowrap text-brand underline hover:no-underline"
      aria-label={`Télécharger le PDF ${what} n° ${invoice.number}`}
    >
      <span aria-hidden="true">⬇ </span>
      {label}
    </a>
  );
}
