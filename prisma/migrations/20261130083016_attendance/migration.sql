-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'ABSENT_EXCUSE');

-- AlterTable
ALTER TABLE "TownSettings" ADD COLUMN     "billExcusedAbsence" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Attendance" (
    "reservationDayId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL,
    "markedByUserId" TEXT,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("reservationDayId")
);

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_reservationDayId_fkey" FOREIGN KEY ("reservationDayId") REFERENCES "ReservationDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_markedByUserId_fkey" FOREIGN KEY ("markedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

