-- AlterTable
ALTER TABLE "ConsentText" ADD COLUMN     "publishedByUserId" TEXT;

-- AddForeignKey
ALTER TABLE "ConsentText" ADD CONSTRAINT "ConsentText_publishedByUserId_fkey" FOREIGN KEY ("publishedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A published version is never changed (issue #17): what a family accepted stays what it read.
-- Publishing inserts a new version; only the publisher link may still become NULL (its account
-- deleted, ON DELETE SET NULL). Deleting a version that families accepted is already refused by
-- the Consent foreign key (RESTRICT).
CREATE FUNCTION "consent_text_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."version" IS DISTINCT FROM OLD."version"
     OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
     OR NEW."id" IS DISTINCT FROM OLD."id"
     OR (NEW."publishedByUserId" IS NOT NULL AND NEW."publishedByUserId" IS DISTINCT FROM OLD."publishedByUserId") THEN
    RAISE EXCEPTION 'Un texte publié ne se modifie pas : publiez une nouvelle version.' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ConsentText_immutable" BEFORE UPDATE ON "ConsentText"
  FOR EACH ROW EXECUTE FUNCTION "consent_text_immutable"();
