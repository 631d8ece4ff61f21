-- Hand-written: the init migration's CHECK ("totalCents" >= 0) predates credit notes, whose total
-- is negative; "Invoice_total_sign_check" (20261130104817) states the rule for both kinds.
ALTER TABLE "Invoice" DROP CONSTRAINT IF EXISTS "Invoice_total_non_negative";
