-- Hand-written (Prisma cannot express it): reservation numbers, sequential per town, shown as
-- 000008. Must exist before "Reservation" whose default uses it.
CREATE SEQUENCE "reservation_number_seq" START WITH 1;

-- CreateEnum
CREATE TYPE "ServiceDocumentKind" AS ENUM ('REGLEMENT', 'TARIFS', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('REGLEMENTS', 'ATTESTATION_HONNEUR', 'SIGNATURE_NUMERIQUE', 'PROTECTION_DONNEES', 'AUTORISATIONS_ENFANT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PARENT', 'AGENT', 'ADMIN');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET', 'EMAIL_CHANGE');

-- CreateEnum
CREATE TYPE "FamilyCivility" AS ENUM ('M_ET_MME', 'M', 'MME', 'M_ET_M', 'MME_ET_MME');

-- CreateEnum
CREATE TYPE "Civility" AS ENUM ('M', 'MME');

-- CreateEnum
CREATE TYPE "FamilySituation" AS ENUM ('MARIES', 'PACSES', 'VIE_MARITALE', 'CELIBATAIRE', 'SEPARES', 'DIVORCES', 'VEUF');

-- CreateEnum
CREATE TYPE "AllowanceHolder" AS ENUM ('MERE', 'PERE');

-- CreateEnum
CREATE TYPE "BenefitScheme" AS ENUM ('CAF', 'MSA', 'AUTRES');

-- CreateEnum
CREATE TYPE "SocioProfessionalCategory" AS ENUM ('AGRICULTEUR', 'ARTISAN_COMMERCANT_CHEF_ENTREPRISE', 'CADRE_PROFESSION_INTELLECTUELLE', 'PROFESSION_INTERMEDIAIRE', 'EMPLOYE', 'OUVRIER', 'RETRAITE', 'SANS_ACTIVITE');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('F', 'M');

-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2', 'COLLEGE', 'LYCEE');

-- CreateEnum
CREATE TYPE "DietKind" AS ENUM ('AUCUN', 'SANS_PORC', 'SANS_VIANDE', 'VEGETARIEN', 'ALLERGIE_PAI', 'AUTRE');

-- CreateEnum
CREATE TYPE "DocumentScope" AS ENUM ('FAMILY', 'CHILD');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "StorageKind" AS ENUM ('LOCAL', 'UPLOADTHING');

-- CreateEnum
CREATE TYPE "DeadlineRuleKind" AS ENUM ('WEEKDAY_OF_PREVIOUS_WEEK', 'DAYS_BEFORE');

-- CreateEnum
CREATE TYPE "ValidationMode" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED', 'CANCELLED', 'REPLACED');

-- CreateEnum
CREATE TYPE "ReservationDayStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EarlyChildhoodStatus" AS ENUM ('SUBMITTED', 'WAITING_LIST', 'ACCEPTED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('ISSUED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('INITIATED', 'PAID', 'REFUSED', 'ABANDONED');

-- CreateTable
CREATE TABLE "TownSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "townName" TEXT NOT NULL,
    "portalName" TEXT NOT NULL DEFAULT 'Portail Familles',
    "guichetName" TEXT NOT NULL DEFAULT 'Guichet unique',
    "guichetPhone" TEXT NOT NULL,
    "guichetEmail" TEXT NOT NULL,
    "guichetAddress" TEXT NOT NULL,
    "guichetHours" TEXT NOT NULL,
    "logoPath" TEXT,
    "primaryColor" TEXT NOT NULL DEFAULT '#1e3a6e',
    "payfipClientNumber" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TownSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsefulContact" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "hours" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsefulContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "News" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT,

    CONSTRAINT "News_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDocument" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "kind" "ServiceDocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storageKind" "StorageKind" NOT NULL DEFAULT 'LOCAL',
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentText" (
    "id" TEXT NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "familyId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "activatedAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newEmail" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Family" (
    "id" TEXT NOT NULL,
    "civility" "FamilyCivility",
    "name" TEXT NOT NULL,
    "street" TEXT,
    "addressComplement" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "homePhone" TEXT,
    "situation" "FamilySituation",
    "allowanceNumber" TEXT,
    "allowanceHolder" "AllowanceHolder",
    "benefitScheme" "BenefitScheme",
    "quotientFamilial" INTEGER,
    "qfSetAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guardian" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "civility" "Civility",
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "street" TEXT,
    "addressComplement" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "homePhone" TEXT,
    "workPhone" TEXT,
    "mobilePhone" TEXT,
    "birthDate" DATE,
    "birthPlace" TEXT,
    "profession" TEXT,
    "socioProfessionalCategory" "SocioProfessionalCategory",

    CONSTRAINT "Guardian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "childId" TEXT,
    "textId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedByUserId" TEXT,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "sex" "Sex",
    "birthDate" DATE NOT NULL,
    "schoolId" TEXT,
    "schoolLevel" "SchoolLevel",
    "schoolClass" TEXT,
    "authEmergencyCare" BOOLEAN,
    "authPhotos" BOOLEAN,
    "authLeaveAlone" BOOLEAN,
    "authTransport" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChildHealth" (
    "childId" TEXT NOT NULL,
    "doctorName" TEXT,
    "doctorPhone" TEXT,
    "allergies" TEXT,
    "hasPai" BOOLEAN,
    "treatments" TEXT,
    "vaccinationsUpToDate" BOOLEAN,
    "remarks" TEXT,
    "dietKind" "DietKind",
    "dietDetails" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChildHealth_pkey" PRIMARY KEY ("childId")
);

-- CreateTable
CREATE TABLE "EmergencyContact" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT NOT NULL,

    CONSTRAINT "EmergencyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorisedPerson" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT NOT NULL,

    CONSTRAINT "AuthorisedPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentType" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "scope" "DocumentScope" NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "childId" TEXT,
    "typeId" TEXT NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'SUBMITTED',
    "originalName" TEXT NOT NULL,
    "storageKind" "StorageKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedByUserId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedByUserId" TEXT,
    "refusalReason" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Establishment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "schoolId" TEXT,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Establishment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "onlinePayment" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineRule" (
    "id" TEXT NOT NULL,
    "kind" "DeadlineRuleKind" NOT NULL,
    "weekday" INTEGER,
    "daysBefore" INTEGER,
    "timeOfDay" INTEGER NOT NULL,

    CONSTRAINT "DeadlineRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" TEXT NOT NULL,
    "establishmentId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "openWeekdays" INTEGER[],
    "lastBookingDate" DATE,
    "bookingRuleId" TEXT NOT NULL,
    "changeRuleId" TEXT NOT NULL,
    "validationMode" "ValidationMode" NOT NULL DEFAULT 'AUTO',
    "minAgeYears" INTEGER,
    "maxAgeYears" INTEGER,
    "schoolLevels" "SchoolLevel"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodEligibleSchool" (
    "periodId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,

    CONSTRAINT "PeriodEligibleSchool_pkey" PRIMARY KEY ("periodId","schoolId")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startTime" VARCHAR(5) NOT NULL,
    "endTime" VARCHAR(5) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitDay" (
    "unitId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "capacityOverridden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UnitDay_pkey" PRIMARY KEY ("unitId","date")
);

-- CreateTable
CREATE TABLE "QfBracket" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "minQf" INTEGER NOT NULL,
    "maxQf" INTEGER,

    CONSTRAINT "QfBracket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "bracketId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,

    CONSTRAINT "Tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT nextval('reservation_number_seq'::regclass),
    "familyId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" "ReservationStatus" NOT NULL,
    "firstDate" DATE,
    "lastDate" DATE,
    "replacesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" TEXT,

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservationDay" (
    "id" TEXT NOT NULL,
    "reservationId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "status" "ReservationDayStatus" NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedByUserId" TEXT,
    "staffMessage" TEXT,

    CONSTRAINT "ReservationDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EarlyChildhoodRequest" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "wishedStartDate" DATE NOT NULL,
    "wishedSchedule" JSONB NOT NULL,
    "status" "EarlyChildhoodStatus" NOT NULL DEFAULT 'SUBMITTED',
    "contractPlanning" JSONB,
    "staffNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "EarlyChildhoodRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "category" TEXT NOT NULL,
    "payableOnline" BOOLEAN NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "totalCents" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE NOT NULL,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "childId" TEXT,
    "unitId" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "idOp" TEXT,
    "amountCents" INTEGER NOT NULL,
    "payerEmail" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'INITIATED',
    "resultrans" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "familyId" TEXT,
    "childId" TEXT,
    "targetType" TEXT,
    "targetId" TEXT,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "News_published_publishedAt_idx" ON "News"("published", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceDocument_storageKey_key" ON "ServiceDocument"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentText_kind_version_key" ON "ConsentText"("kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_familyId_idx" ON "User"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_userId_purpose_idx" ON "AuthToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "Family_name_idx" ON "Family"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Guardian_familyId_position_key" ON "Guardian"("familyId", "position");

-- CreateIndex
CREATE INDEX "Consent_familyId_childId_idx" ON "Consent"("familyId", "childId");

-- CreateIndex
CREATE UNIQUE INDEX "School_name_key" ON "School"("name");

-- CreateIndex
CREATE INDEX "Child_familyId_idx" ON "Child"("familyId");

-- CreateIndex
CREATE INDEX "Child_lastName_firstName_idx" ON "Child"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "EmergencyContact_childId_idx" ON "EmergencyContact"("childId");

-- CreateIndex
CREATE INDEX "AuthorisedPerson_childId_idx" ON "AuthorisedPerson"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentType_code_key" ON "DocumentType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_familyId_childId_idx" ON "Document"("familyId", "childId");

-- CreateIndex
CREATE INDEX "Document_status_uploadedAt_idx" ON "Document"("status", "uploadedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Establishment_name_key" ON "Establishment"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_code_key" ON "Activity"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Period_establishmentId_name_key" ON "Period"("establishmentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Closure_periodId_date_key" ON "Closure"("periodId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_periodId_label_key" ON "Unit"("periodId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "QfBracket_minQf_key" ON "QfBracket"("minQf");

-- CreateIndex
CREATE UNIQUE INDEX "Tariff_unitId_bracketId_key" ON "Tariff"("unitId", "bracketId");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_number_key" ON "Reservation"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_replacesId_key" ON "Reservation"("replacesId");

-- CreateIndex
CREATE INDEX "Reservation_familyId_createdAt_idx" ON "Reservation"("familyId", "createdAt");

-- CreateIndex
CREATE INDEX "Reservation_periodId_status_idx" ON "Reservation"("periodId", "status");

-- CreateIndex
CREATE INDEX "ReservationDay_reservationId_idx" ON "ReservationDay"("reservationId");

-- CreateIndex
CREATE INDEX "ReservationDay_unitId_date_status_idx" ON "ReservationDay"("unitId", "date", "status");

-- CreateIndex
CREATE INDEX "ReservationDay_date_status_idx" ON "ReservationDay"("date", "status");

-- CreateIndex
CREATE INDEX "EarlyChildhoodRequest_familyId_idx" ON "EarlyChildhoodRequest"("familyId");

-- CreateIndex
CREATE INDEX "EarlyChildhoodRequest_status_createdAt_idx" ON "EarlyChildhoodRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_reference_key" ON "Invoice"("reference");

-- CreateIndex
CREATE INDEX "Invoice_status_idx" ON "Invoice"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_familyId_month_category_key" ON "Invoice"("familyId", "month", "category");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_idx" ON "InvoiceLine"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idOp_key" ON "Payment"("idOp");

-- CreateIndex
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "OutboxMail_createdAt_idx" ON "OutboxMail"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_familyId_at_idx" ON "AuditLog"("familyId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_at_idx" ON "AuditLog"("actorUserId", "at");

-- AddForeignKey
ALTER TABLE "News" ADD CONSTRAINT "News_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDocument" ADD CONSTRAINT "ServiceDocument_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_textId_fkey" FOREIGN KEY ("textId") REFERENCES "ConsentText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_acceptedByUserId_fkey" FOREIGN KEY ("acceptedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChildHealth" ADD CONSTRAINT "ChildHealth_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyContact" ADD CONSTRAINT "EmergencyContact_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorisedPerson" ADD CONSTRAINT "AuthorisedPerson_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "DocumentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedByUserId_fkey" FOREIGN KEY ("uploadedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_reviewedByUserId_fkey" FOREIGN KEY ("reviewedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Establishment" ADD CONSTRAINT "Establishment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_establishmentId_fkey" FOREIGN KEY ("establishmentId") REFERENCES "Establishment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_bookingRuleId_fkey" FOREIGN KEY ("bookingRuleId") REFERENCES "DeadlineRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_changeRuleId_fkey" FOREIGN KEY ("changeRuleId") REFERENCES "DeadlineRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodEligibleSchool" ADD CONSTRAINT "PeriodEligibleSchool_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodEligibleSchool" ADD CONSTRAINT "PeriodEligibleSchool_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitDay" ADD CONSTRAINT "UnitDay_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "QfBracket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Reservation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDay" ADD CONSTRAINT "ReservationDay_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDay" ADD CONSTRAINT "ReservationDay_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDay" ADD CONSTRAINT "ReservationDay_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDay" ADD CONSTRAINT "ReservationDay_decidedByUserId_fkey" FOREIGN KEY ("decidedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodRequest" ADD CONSTRAINT "EarlyChildhoodRequest_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EarlyChildhoodRequest" ADD CONSTRAINT "EarlyChildhoodRequest_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Hand-written constraints (Prisma cannot express them) ──────────────────────────────────

-- Capacity is enforced by the database: the booking transaction increments "booked" and this
-- CHECK refuses any update that would exceed the day's capacity.
ALTER TABLE "UnitDay" ADD CONSTRAINT "UnitDay_booked_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity");
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_capacity_non_negative" CHECK ("capacity" >= 0);
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_times_format" CHECK ("startTime" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "endTime" ~ '^[0-2][0-9]:[0-5][0-9]$' AND "startTime" < "endTime");

-- A child is never booked twice on the same unit and day (cancelled and refused lines don't count).
CREATE UNIQUE INDEX "ReservationDay_active_child_unit_date_key" ON "ReservationDay" ("childId", "unitId", "date") WHERE "status" IN ('PENDING', 'ACCEPTED');

ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_position_1_or_2" CHECK ("position" IN (1, 2));
ALTER TABLE "Period" ADD CONSTRAINT "Period_dates_ordered" CHECK ("startDate" <= "endDate");
ALTER TABLE "Period" ADD CONSTRAINT "Period_open_weekdays_iso" CHECK ("openWeekdays" <@ ARRAY[1, 2, 3, 4, 5, 6, 7]);
ALTER TABLE "DeadlineRule" ADD CONSTRAINT "DeadlineRule_shape" CHECK (
  "timeOfDay" BETWEEN 0 AND 1439
  AND (("kind" = 'WEEKDAY_OF_PREVIOUS_WEEK' AND "weekday" BETWEEN 1 AND 7)
    OR ("kind" = 'DAYS_BEFORE' AND "daysBefore" >= 0))
);
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_price_non_negative" CHECK ("priceCents" >= 0);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_total_non_negative" CHECK ("totalCents" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0);
ALTER TABLE "Document" ADD CONSTRAINT "Document_size_within_2_mo" CHECK ("size" > 0 AND "size" <= 2097152);
ALTER SEQUENCE "reservation_number_seq" OWNED BY "Reservation"."number";
ALTER TABLE "QfBracket" ADD CONSTRAINT "QfBracket_bounds" CHECK ("minQf" >= 0 AND ("maxQf" IS NULL OR "maxQf" > "minQf"));
