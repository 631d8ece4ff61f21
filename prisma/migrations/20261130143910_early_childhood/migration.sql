-- CreateEnum
CREATE TYPE "CrecheAgeGroup" AS ENUM ('BEBES', 'MOYENS', 'GRANDS');

-- CreateEnum
CREATE TYPE "EarlyChildhoodDecisionKind" AS ENUM ('UNDER_REVIEW', 'PLACE_OFFERED', 'WAITING_LIST', 'REFUSED', 'ACCEPTED_BY_FAMILY', 'DECLINED_BY_FAMILY', 'CANCELLED_BY_FAMILY', 'CONFIRMED_BY_FAMILY', 'CLOSED');

-- CreateEnum
CREATE TYPE "ChildcareContractStatus" AS ENUM ('ACTIVE', 'ENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ChildcareAdjustmentKind" AS ENUM ('EXTRA_HOURS', 'CRECHE_CLOSURE', 'HOSPITALISATION', 'ILLNESS');

-- AlterEnum: recreated rather than ADD VALUE, so that the new values (the 'DRAFT' default) can be
-- used in this same transaction. The table was never written to before this migration.
ALTER TYPE "EarlyChildhoodStatus" RENAME TO "EarlyChildhoodStatus_old";
CREATE TYPE "EarlyChildhoodStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'WAITING_LIST', 'PLACE_OFFERED', 'ACCEPTED', 'REFUSED', 'CANCELLED', 'CLOSED');
ALTER TABLE "EarlyChildhoodRequest" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "EarlyChildhoodRequest" ALTER COLUMN "status" TYPE "EarlyChildhoodStatus" USING ("status"::text::"EarlyChildhoodStatus");
DROP TYPE "EarlyChildhoodStatus_old";

-- DropForeignKey
ALTER TABLE "EarlyChildhoodRequest" DROP CONSTRAINT "EarlyChildhoodRequest_childId_fkey";

-- DropIndex
DROP INDEX "EarlyChildhoodRequest_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "earlyChildhoodRequestId" TEXT;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "childcareTaxEligible" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EarlyChildhoodRequest" DROP COLUMN "contractPlanning",
DROP COLUMN "staffNote",
ADD COLUMN     "comments" TEXT,
ADD COLUMN     "confirmationRequestedAt" TIMESTAMP(3),
ADD COLUMN     "expectedBirthDate" DATE,
ADD COLUMN     "lastConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "offerAnswerBy" DATE,
ADD COLUMN     "offeredAbsenceWeeks" INTEGER,
ADD COLUMN     "offeredCrecheId" TEXT,
ADD COLUMN     "offeredEndDate" DATE,
ADD COLUMN     "offeredPlanning" JSONB,
ADD COLUMN     "offeredStartDate" DATE,
ADD COLUMN     "refusalReason" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "unbornFirstName" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "childId" DROP NOT NULL,
ALTER COLUMN "status" SET DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "billedContractKey" TEXT,
ADD COLUMN     "contractId" TEXT,
ADD COLUMN     "taxEligible" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Creche" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "regieId" TEXT,
    "opensAt" VARCHAR(5) NOT NULL DEFAULT '07:30',
    "closesAt" VARCHAR(5) NOT NULL DEFAULT '18:30',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Creche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrecheCapacity" (
    "crecheId" TEXT NOT NULL,
    "ageGroup" "CrecheAgeGroup" NOT NULL,
    "places" INTEGER NOT NULL,

    CONSTRAINT "CrecheCapacity_pkey" PRIMARY KEY ("crecheId","ageGroup")
);

-- CreateTable
CREATE TABLE "EarlyChildhoodChoice" (
    "requestId" TEXT NOT NULL,
    "crecheId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "waitingPosition" INTEGER,

    CONSTRAINT "EarlyChildhoodChoice_pkey" PRIMARY KEY ("requestId","crecheId")
);

-- CreateTable
CREATE TABLE "AdmissionCriterion" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AdmissionCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionSession" (
    "id" TEXT NOT NULL,
    "sessionDate" DATE NOT NULL,
    "placesDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "byUserId" TEXT,

    CONSTRAINT "CommissionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EarlyChildhoodDecision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "sessionId" TEXT,
    "kind" "EarlyChildhoodDecisionKind" NOT NULL,
    "crecheId" TEXT,
    "startDate" DATE,
    "reason" TEXT,
    "score" INTEGER,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT,

    CONSTRAINT "EarlyChildhoodDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildcareContract" (
    "id" TEXT NOT NULL,
    "requestId" TEXT,
    "familyId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "crecheId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "weeklyPlanning" JSONB NOT NULL,
    "absenceWeeksPerYear" INTEGER NOT NULL DEFAULT 0,
    "status" "ChildcareContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" TEXT,

    CONSTRAINT "ChildcareContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildcareAdjustment" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "ChildcareAdjustmentKind" NOT NULL,
    "minutes" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" TEXT,

    CONSTRAINT "ChildcareAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PsuYear" (
    "year" INTEGER NOT NULL,
    "floorCents" INTEGER NOT NULL,
    "ceilingCents" INTEGER NOT NULL,
    "rateOneChild" INTEGER NOT NULL,
    "rateTwoChildren" INTEGER NOT NULL,
    "rateThreeChildren" INTEGER NOT NULL,
    "rateFourChildren" INTEGER NOT NULL,
    "rateEightChildren" INTEGER NOT NULL,

    CONSTRAINT "PsuYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "FamilyChildcareResources" (
    "familyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "annualResourcesCents" INTEGER NOT NULL,
    "dependentChildren" INTEGER NOT NULL,
    "aeeh" BOOLEAN NOT NULL DEFAULT false,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "setByUserId" TEXT,

    CONSTRAINT "FamilyChildcareResources_pkey" PRIMARY KEY ("familyId","year")
);

-- CreateTable
CREATE TABLE "ChildcareCertificate" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "familyId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "childName" TEXT NOT NULL,
    "billingName" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT,

    CONSTRAINT "ChildcareCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Creche_code_key" ON "Creche"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Creche_name_key" ON "Creche"("name");

-- CreateIndex
CREATE INDEX "EarlyChildhoodChoice_crecheId_waitingPosition_idx" ON "EarlyChildhoodChoice"("crecheId", "waitingPosition");

-- CreateIndex
CREATE UNIQUE INDEX "EarlyChildhoodChoice_requestId_rank_key" ON "EarlyChildhoodChoice"("requestId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "AdmissionCriterion_code_key" ON "AdmissionCriterion"("code");

-- CreateIndex
CREATE INDEX "EarlyChildhoodDecision_requestId_decidedAt_idx" ON "EarlyChildhoodDecision"("requestId", "decidedAt");

-- CreateIndex
CREATE INDEX "EarlyChildhoodDecision_sessionId_idx" ON "EarlyChildhoodDecision"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ChildcareContract_requestId_key" ON "ChildcareContract"("requestId");

-- CreateIndex
CREATE INDEX "ChildcareContract_familyId_idx" ON "ChildcareContract"("familyId");

-- CreateIndex
CREATE INDEX "ChildcareContract_crecheId_startDate_endDate_idx" ON "ChildcareContract"("crecheId", "startDate", "endDate");

-- CreateIndex
CREATE INDEX "ChildcareContract_childId_idx" ON "ChildcareContract"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "ChildcareAdjustment_contractId_date_kind_key" ON "ChildcareAdjustment"("contractId", "date", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ChildcareCertificate_number_key" ON "ChildcareCertificate"("number");

-- CreateIndex
CREATE INDEX "ChildcareCertificate_familyId_year_idx" ON "ChildcareCertificate"("familyId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ChildcareCertificate_childId_year_key" ON "ChildcareCertificate"("childId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ChildcareCertificate_year_sequence_key" ON "ChildcareCertificate"("year", "sequence");

-- CreateIndex
CREATE INDEX "EarlyChildhoodRequest_status_submittedAt_idx" ON "EarlyChildhoodRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "EarlyChildhoodRequest_childId_idx" ON "EarlyChildhoodRequest"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_billedContractKey_key" ON "InvoiceLine"("billedContractKey");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_earlyChildhoodRequestId_fkey" FOREIGN KEY ("earlyChildhoodRequestId") REFERENCES "EarlyChildhoodRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Creche" ADD CONSTRAINT "Creche_regieId_fkey" FOREIGN KEY ("regieId") REFERENCES "Regie"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrecheCapacity" ADD CONSTRAINT "CrecheCapacity_crecheId_fkey" FOREIGN KEY ("crecheId") REFERENCES "Creche"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodRequest" ADD CONSTRAINT "EarlyChildhoodRequest_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodRequest" ADD CONSTRAINT "EarlyChildhoodRequest_offeredCrecheId_fkey" FOREIGN KEY ("offeredCrecheId") REFERENCES "Creche"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodChoice" ADD CONSTRAINT "EarlyChildhoodChoice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EarlyChildhoodRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodChoice" ADD CONSTRAINT "EarlyChildhoodChoice_crecheId_fkey" FOREIGN KEY ("crecheId") REFERENCES "Creche"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionSession" ADD CONSTRAINT "CommissionSession_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodDecision" ADD CONSTRAINT "EarlyChildhoodDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EarlyChildhoodRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodDecision" ADD CONSTRAINT "EarlyChildhoodDecision_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CommissionSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodDecision" ADD CONSTRAINT "EarlyChildhoodDecision_crecheId_fkey" FOREIGN KEY ("crecheId") REFERENCES "Creche"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodDecision" ADD CONSTRAINT "EarlyChildhoodDecision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EarlyChildhoodRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_crecheId_fkey" FOREIGN KEY ("crecheId") REFERENCES "Creche"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareAdjustment" ADD CONSTRAINT "ChildcareAdjustment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "ChildcareContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareAdjustment" ADD CONSTRAINT "ChildcareAdjustment_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyChildcareResources" ADD CONSTRAINT "FamilyChildcareResources_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyChildcareResources" ADD CONSTRAINT "FamilyChildcareResources_setByUserId_fkey" FOREIGN KEY ("setByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareCertificate" ADD CONSTRAINT "ChildcareCertificate_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareCertificate" ADD CONSTRAINT "ChildcareCertificate_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildcareCertificate" ADD CONSTRAINT "ChildcareCertificate_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "ChildcareContract"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules the database keeps (not expressible in the Prisma schema).
ALTER TABLE "CrecheCapacity" ADD CONSTRAINT "CrecheCapacity_places_check" CHECK ("places" >= 0);
ALTER TABLE "EarlyChildhoodChoice" ADD CONSTRAINT "EarlyChildhoodChoice_rank_check" CHECK ("rank" BETWEEN 1 AND 3);
ALTER TABLE "EarlyChildhoodChoice" ADD CONSTRAINT "EarlyChildhoodChoice_waitingPosition_check" CHECK ("waitingPosition" IS NULL OR "waitingPosition" >= 1);
ALTER TABLE "EarlyChildhoodRequest" ADD CONSTRAINT "EarlyChildhoodRequest_child_or_unborn_check" CHECK ("childId" IS NOT NULL OR "expectedBirthDate" IS NOT NULL);
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_dates_check" CHECK ("endDate" >= "startDate");
ALTER TABLE "ChildcareContract" ADD CONSTRAINT "ChildcareContract_absenceWeeks_check" CHECK ("absenceWeeksPerYear" BETWEEN 0 AND 52);
ALTER TABLE "ChildcareAdjustment" ADD CONSTRAINT "ChildcareAdjustment_minutes_check" CHECK ("minutes" > 0 AND "minutes" <= 1440);
ALTER TABLE "PsuYear" ADD CONSTRAINT "PsuYear_bounds_check" CHECK ("floorCents" > 0 AND "ceilingCents" >= "floorCents");
ALTER TABLE "FamilyChildcareResources" ADD CONSTRAINT "FamilyChildcareResources_values_check" CHECK ("annualResourcesCents" >= 0 AND "dependentChildren" >= 1);
