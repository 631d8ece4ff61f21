-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('PAYFIP', 'ESPECES', 'CHEQUE', 'CESU', 'VIREMENT');

-- CreateEnum
CREATE TYPE "PayfipOperationStatus" AS ENUM ('INITIATED', 'PAID', 'REFUSED', 'ABANDONED', 'EXPIRED', 'FLAGGED');

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_familyId_fkey";

-- DropForeignKey
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_invoiceId_fkey";

-- DropIndex
DROP INDEX "Invoice_status_idx";

-- DropIndex
DROP INDEX "Invoice_familyId_month_category_key";

-- DropIndex
DROP INDEX "Payment_idOp_key";

-- AlterTable
ALTER TABLE "Activity" DROP COLUMN "onlinePayment",
ADD COLUMN     "regieId" TEXT;

-- AlterTable
ALTER TABLE "Invoice" DROP COLUMN "category",
ADD COLUMN     "billingAddress" TEXT NOT NULL,
ADD COLUMN     "billingName" TEXT NOT NULL,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelsId" TEXT,
ADD COLUMN     "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
ADD COLUMN     "number" TEXT NOT NULL,
ADD COLUMN     "paidCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "payerEmail" TEXT,
ADD COLUMN     "rank" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "regieId" TEXT NOT NULL,
ADD COLUMN     "runId" TEXT,
ADD COLUMN     "sequence" INTEGER NOT NULL,
ADD COLUMN     "year" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "InvoiceLine" DROP COLUMN "label",
ADD COLUMN     "billedDayId" TEXT,
ADD COLUMN     "bracketLabel" TEXT,
ADD COLUMN     "childName" TEXT NOT NULL,
ADD COLUMN     "date" DATE,
ADD COLUMN     "quotientFamilial" INTEGER,
ADD COLUMN     "reservationDayId" TEXT,
ADD COLUMN     "serviceLabel" TEXT NOT NULL,
ADD COLUMN     "unitLabel" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Payment" DROP COLUMN "detail",
DROP COLUMN "idOp",
DROP COLUMN "notifiedAt",
DROP COLUMN "payerEmail",
DROP COLUMN "resultrans",
DROP COLUMN "status",
ADD COLUMN     "method" "PaymentMethod" NOT NULL,
ADD COLUMN     "payfipOperationId" TEXT,
ADD COLUMN     "receiptNumber" TEXT,
ADD COLUMN     "receivedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "recordedByUserId" TEXT;

-- DropEnum
DROP TYPE "PaymentStatus";

-- CreateTable
CREATE TABLE "Regie" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payfipClientNumber" TEXT,
    "payableOnline" BOOLEAN NOT NULL DEFAULT false,
    "paymentDeadlineDays" INTEGER NOT NULL DEFAULT 30,
    "mentions" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Regie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "regieId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("regieId","year","kind")
);

-- CreateTable
CREATE TABLE "QuotientHistory" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "quotientFamilial" INTEGER,
    "validFrom" DATE NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "setByUserId" TEXT,

    CONSTRAINT "QuotientHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoicingRun" (
    "id" TEXT NOT NULL,
    "regieId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "byUserId" TEXT,
    "invoiceCount" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "anomalies" JSONB,

    CONSTRAINT "InvoicingRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayfipOperation" (
    "id" TEXT NOT NULL,
    "idOp" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "payerEmail" TEXT NOT NULL,
    "saisie" TEXT NOT NULL,
    "refdet" TEXT NOT NULL,
    "exer" INTEGER NOT NULL,
    "status" "PayfipOperationStatus" NOT NULL DEFAULT 'INITIATED',
    "resultrans" TEXT,
    "detail" JSONB,
    "flagReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "checkCount" INTEGER NOT NULL DEFAULT 0,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "PayfipOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Regie_code_key" ON "Regie"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Regie_name_key" ON "Regie"("name");

-- CreateIndex
CREATE UNIQUE INDEX "QuotientHistory_familyId_validFrom_key" ON "QuotientHistory"("familyId", "validFrom");

-- CreateIndex
CREATE INDEX "InvoicingRun_regieId_month_idx" ON "InvoicingRun"("regieId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "PayfipOperation_idOp_key" ON "PayfipOperation"("idOp");

-- CreateIndex
CREATE INDEX "PayfipOperation_invoiceId_idx" ON "PayfipOperation"("invoiceId");

-- CreateIndex
CREATE INDEX "PayfipOperation_status_createdAt_idx" ON "PayfipOperation"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_cancelsId_key" ON "Invoice"("cancelsId");

-- CreateIndex
CREATE INDEX "Invoice_familyId_issuedAt_idx" ON "Invoice"("familyId", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_regieId_month_idx" ON "Invoice"("regieId", "month");

-- CreateIndex
CREATE INDEX "Invoice_status_dueDate_idx" ON "Invoice"("status", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_regieId_kind_year_sequence_key" ON "Invoice"("regieId", "kind", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_billedDayId_key" ON "InvoiceLine"("billedDayId");

-- CreateIndex
CREATE INDEX "InvoiceLine_reservationDayId_idx" ON "InvoiceLine"("reservationDayId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_payfipOperationId_key" ON "Payment"("payfipOperationId");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_regieId_fkey" FOREIGN KEY ("regieId") REFERENCES "Regie"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceCounter" ADD CONSTRAINT "InvoiceCounter_regieId_fkey" FOREIGN KEY ("regieId") REFERENCES "Regie"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotientHistory" ADD CONSTRAINT "QuotientHistory_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotientHistory" ADD CONSTRAINT "QuotientHistory_setByUserId_fkey" FOREIGN KEY ("setByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoicingRun" ADD CONSTRAINT "InvoicingRun_regieId_fkey" FOREIGN KEY ("regieId") REFERENCES "Regie"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoicingRun" ADD CONSTRAINT "InvoicingRun_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_regieId_fkey" FOREIGN KEY ("regieId") REFERENCES "Regie"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_runId_fkey" FOREIGN KEY ("runId") REFERENCES "InvoicingRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_cancelsId_fkey" FOREIGN KEY ("cancelsId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_reservationDayId_fkey" FOREIGN KEY ("reservationDayId") REFERENCES "ReservationDay"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_payfipOperationId_fkey" FOREIGN KEY ("payfipOperationId") REFERENCES "PayfipOperation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayfipOperation" ADD CONSTRAINT "PayfipOperation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayfipOperation" ADD CONSTRAINT "PayfipOperation_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: money and numbering checks the database enforces.
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_paid_check" CHECK ("paidCents" >= 0 AND ("kind" = 'CREDIT_NOTE' OR "paidCents" <= "totalCents"));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_total_sign_check" CHECK (("kind" = 'INVOICE' AND "totalCents" >= 0) OR ("kind" = 'CREDIT_NOTE' AND "totalCents" <= 0));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_sequence_check" CHECK ("sequence" >= 1);
ALTER TABLE "InvoiceCounter" ADD CONSTRAINT "InvoiceCounter_last_check" CHECK ("lastNumber" >= 0);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_billed_check" CHECK ("billedDayId" IS NULL OR "billedDayId" = "reservationDayId");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "Regie" ADD CONSTRAINT "Regie_numcli_check" CHECK ("payfipClientNumber" IS NULL OR "payfipClientNumber" ~ '^[0-9]{6}$');
ALTER TABLE "Regie" ADD CONSTRAINT "Regie_code_check" CHECK ("code" ~ '^[A-Z0-9]{1,10}$');

-- The quotients already set become the first row of their history, valid from the day they were set.
INSERT INTO "QuotientHistory" ("id", "familyId", "quotientFamilial", "validFrom", "setAt")
SELECT gen_random_uuid()::text, "id", "quotientFamilial", COALESCE("qfSetAt", "createdAt")::date, COALESCE("qfSetAt", "createdAt")
FROM "Family" WHERE "quotientFamilial" IS NOT NULL;
