-- The first schema's CHECK ("totalCents" >= 0) was kept by the invoices migration beside its
-- Invoice_total_sign_check, so a credit note (negative total, schema.prisma) could not be written.
-- IF EXISTS: another branch of issue #14 may drop it too.
ALTER TABLE "Invoice" DROP CONSTRAINT IF EXISTS "Invoice_total_non_negative";
