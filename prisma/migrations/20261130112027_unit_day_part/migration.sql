-- CreateEnum
CREATE TYPE "DayPart" AS ENUM ('FULL_DAY', 'MORNING', 'AFTERNOON');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "dayPart" "DayPart";

