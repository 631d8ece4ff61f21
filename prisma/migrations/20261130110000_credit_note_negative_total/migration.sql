-- Hand-written: a credit note (avoir) carries a negative total. The init migration's
-- "Invoice_total_non_negative" (totalCents >= 0) forbade it; "Invoice_total_sign_check"
-- (20261130104817_invoices_regies_payfip) already says which sign each kind takes.
ALTER TABLE "Invoice" DROP CONSTRAINT IF EXISTS "Invoice_total_non_negative";
