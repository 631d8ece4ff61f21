-- CreateEnum
CREATE TYPE "OutboxMailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "reclaims" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "status" "OutboxMailStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "transport" TEXT;

-- CreateTable
CREATE TABLE "JobRun" (
    "id" BIGSERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ok" BOOLEAN,
    "summary" TEXT NOT NULL DEFAULT '',
    "instance" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");


-- Rows written before this migration were the development outbox itself (no SMTP configured):
-- they were delivered there already.
UPDATE "OutboxMail" SET "status" = 'SENT', "sentAt" = "createdAt", "transport" = 'outbox';

-- A claimed row always says until when; counts never go negative.
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_sending_has_lease" CHECK ("status" <> 'SENDING' OR "leaseUntil" IS NOT NULL);
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_counts_not_negative" CHECK ("attempts" >= 0 AND "reclaims" >= 0);
