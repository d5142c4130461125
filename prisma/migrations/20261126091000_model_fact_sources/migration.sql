-- AlterTable
ALTER TABLE "model" ADD COLUMN     "flops_source" TEXT,
ADD COLUMN     "parameters_source" TEXT,
ADD COLUMN     "tokens_source" TEXT;

-- CreateTable
CREATE TABLE "model_edit" (
    "id" SERIAL NOT NULL,
    "model_id" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "old_value" DOUBLE PRECISION,
    "new_value" DOUBLE PRECISION,
    "detail" TEXT,
    "reason" TEXT NOT NULL,
    "token_id" INTEGER,
    "token_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_edit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_edit_model_id_idx" ON "model_edit"("model_id");

-- CreateIndex
CREATE INDEX "model_edit_token_id_idx" ON "model_edit"("token_id");

-- AddForeignKey
ALTER TABLE "model_edit" ADD CONSTRAINT "model_edit_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_edit" ADD CONSTRAINT "model_edit_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below: Prisma's diff ignores CHECK constraints and triggers.

ALTER TABLE "model_edit"
  ADD CONSTRAINT "model_edit_field_known"
    CHECK ("field" IN ('created', 'parameters', 'trainingTokens', 'trainingFlops', 'alias')),
  ADD CONSTRAINT "model_edit_reason_given" CHECK (length(btrim("reason")) > 0);

-- Every fact stored so far came with its model's scale_source.
UPDATE "model" SET
  "parameters_source" = CASE WHEN "parameters" IS NULL THEN NULL ELSE "scale_source" END,
  "tokens_source" = CASE WHEN "training_tokens" IS NULL THEN NULL ELSE "scale_source" END,
  "flops_source" = CASE WHEN "training_flops" IS NULL THEN NULL ELSE "scale_source" END;

-- A writer that changes a fact without naming its source (the ingest filling a
-- gap, an upload's mapping or --models replacing a fact) gives it the model's
-- scale_source, so a fact never keeps the source of a value it no longer has.
-- lib/db/model-edits.ts sets atlas.model_edit = 'on' for its transaction and
-- writes each fact's source itself.
CREATE FUNCTION "model_fact_sources"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('atlas.model_edit', true) IS NOT DISTINCT FROM 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."parameters" IS DISTINCT FROM OLD."parameters" THEN
    NEW."parameters_source" := CASE WHEN NEW."parameters" IS NULL THEN NULL ELSE NEW."scale_source" END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."training_tokens" IS DISTINCT FROM OLD."training_tokens" THEN
    NEW."tokens_source" := CASE WHEN NEW."training_tokens" IS NULL THEN NULL ELSE NEW."scale_source" END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."training_flops" IS DISTINCT FROM OLD."training_flops" THEN
    NEW."flops_source" := CASE WHEN NEW."training_flops" IS NULL THEN NULL ELSE NEW."scale_source" END;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "model_fact_sources" BEFORE INSERT OR UPDATE ON "model"
  FOR EACH ROW EXECUTE FUNCTION "model_fact_sources"();
