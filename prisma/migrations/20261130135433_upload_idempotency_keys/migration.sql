-- CreateTable
CREATE TABLE "upload_idempotency" (
    "token_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "response" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upload_idempotency_pkey" PRIMARY KEY ("token_id","key")
);

-- CreateIndex
CREATE INDEX "upload_idempotency_created_at_idx" ON "upload_idempotency"("created_at");

-- AddForeignKey
ALTER TABLE "upload_idempotency" ADD CONSTRAINT "upload_idempotency_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;
