-- CreateIndex
CREATE INDEX "Document_childId_idx" ON "Document"("childId");

-- CreateIndex
CREATE INDEX "ReservationDay_childId_date_idx" ON "ReservationDay"("childId", "date");

