-- AlterTable
ALTER TABLE "TownSettings" DROP COLUMN "logoPath",
ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoMimeType" TEXT;


-- Hand-written: a logo always has its type, one of the three accepted, and stays small.
ALTER TABLE "TownSettings" ADD CONSTRAINT "TownSettings_logo_shape" CHECK (
  ("logo" IS NULL) = ("logoMimeType" IS NULL)
  AND ("logoMimeType" IS NULL OR "logoMimeType" IN ('image/png', 'image/jpeg', 'image/gif'))
  AND ("logo" IS NULL OR octet_length("logo") BETWEEN 1 AND 512000)
);
