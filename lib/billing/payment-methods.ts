// The French names of the ways an invoice is paid (PaymentMethod), as parents and staff read them.
export type PaymentMethodName = "PAYFIP" | "ESPECES" | "CHEQUE" | "CESU" | "VIREMENT";

export const PAYMENT_METHOD_LABELS: Record<PaymentMethodName, string> = {
  PAYFIP: "Paiement en ligne (PayFiP)",
  ESPECES: "Espèces",
  CHEQUE: "Chèque",
  CESU: "CESU",
  VIREMENT: "Virement",
};
