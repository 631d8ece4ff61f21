import { invoiceAvailableMail } from "./invoicing-run";

const TOWN = {
  townName: "Rodez",
  portalName: "Portail Familles",
  guichetName: "Guichet unique",
  guichetPhone: "05 65 00 00 00",
  guichetEmail: "guichet@exemple.fr",
};
const INVOICE = {
  number: "F-PERI-2026-000001",
  totalCents: 1200,
  dueDay: "2026-12-02",
  regieName: "Régie périscolaire et restauration",
  payableOnline: true,
};

describe("the « facture disponible » mail", () => {
  it("names the month, eliding « de » before a vowel", () => {
    expect(invoiceAvailableMail(TOWN, { ...INVOICE, month: "2026-11" }).subject).toBe(
      "Votre facture de novembre 2026 est disponible",
    );
    expect(invoiceAvailableMail(TOWN, { ...INVOICE, month: "2026-10" }).subject).toBe(
      "Votre facture d'octobre 2026 est disponible",
    );
  });
});
