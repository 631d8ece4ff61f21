-- CreateEnum
CREATE TYPE "SchoolKind" AS ENUM ('MATERNELLE', 'ELEMENTAIRE', 'PRIMAIRE');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "address" TEXT,
ADD COLUMN     "kind" "SchoolKind" NOT NULL DEFAULT 'PRIMAIRE',
ADD COLUMN     "levels" "SchoolLevel"[] DEFAULT ARRAY['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2']::"SchoolLevel"[];

-- Existing schools offer the primary levels and, so every child sheet stays consistent, any
-- other level one of their children is at.
UPDATE "School" s SET "levels" = s."levels" || ARRAY(
  SELECT DISTINCT c."schoolLevel" FROM "Child" c
  WHERE c."schoolId" = s.id AND c."schoolLevel" IS NOT NULL AND NOT (c."schoolLevel" = ANY (s."levels"))
);

-- AlterTable
ALTER TABLE "DocumentType" ADD COLUMN     "helpText" TEXT;

-- AlterTable
-- « Rappelez le nom du document »: the documents sent before it are named after their file.
ALTER TABLE "Document" ADD COLUMN     "name" TEXT;
UPDATE "Document" SET "name" = left("originalName", 120);
ALTER TABLE "Document" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "Document" ADD CONSTRAINT "Document_name_check" CHECK (char_length("name") BETWEEN 1 AND 120);

-- CreateTable
CREATE TABLE "DocumentTypeActivity" (
    "documentTypeId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,

    CONSTRAINT "DocumentTypeActivity_pkey" PRIMARY KEY ("documentTypeId","activityId")
);

-- CreateIndex
CREATE INDEX "DocumentTypeActivity_activityId_idx" ON "DocumentTypeActivity"("activityId");

-- AddForeignKey
ALTER TABLE "DocumentTypeActivity" ADD CONSTRAINT "DocumentTypeActivity_documentTypeId_fkey" FOREIGN KEY ("documentTypeId") REFERENCES "DocumentType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentTypeActivity" ADD CONSTRAINT "DocumentTypeActivity_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

