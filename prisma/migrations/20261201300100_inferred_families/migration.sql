-- AlterTable: a model's hub id with its size cut out (lib/registry/family-key.ts), and
-- where its family came from: NULL (the registry, a file, an upload's mapping),
-- 'inferred' (a ladder of models whose names differ only in size) or 'edit' (a user on /models).
ALTER TABLE "model" ADD COLUMN "family_key" TEXT,
ADD COLUMN "family_origin" TEXT;

-- CreateIndex
CREATE INDEX "model_family_key_idx" ON "model"("family_key");

-- Hand-written below: Prisma's diff ignores CHECK constraints.
ALTER TABLE "model"
  ADD CONSTRAINT "model_family_origin_known" CHECK ("family_origin" IS NULL OR "family_origin" IN ('inferred', 'edit'));

ALTER TABLE "model_edit" DROP CONSTRAINT "model_edit_field_known";
ALTER TABLE "model_edit"
  ADD CONSTRAINT "model_edit_field_known"
    CHECK ("field" IN ('created', 'parameters', 'trainingTokens', 'trainingFlops', 'alias', 'family'));
