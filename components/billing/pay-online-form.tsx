// « Payer en ligne » for one invoice (SPEC §8): the PayFiP branch replaces this placeholder with
// the form that creates the PayFiP operation and sends the parent to PayFiP's page.
export function PayOnlineForm(_props: { invoiceId: string; remainingCents: number }) {
  return null;
}
