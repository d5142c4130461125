-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "is_admin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "upload_deletion" (
    "id" SERIAL NOT NULL,
    "upload_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "owner_token_name" TEXT,
    "token_id" INTEGER,
    "token_name" TEXT NOT NULL,
    "as_admin" BOOLEAN NOT NULL,
    "results" INTEGER NOT NULL,
    "restored" INTEGER NOT NULL,
    "deleted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upload_deletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "upload_deletion_token_id_idx" ON "upload_deletion"("token_id");

-- CreateIndex
CREATE INDEX "upload_deletion_upload_id_idx" ON "upload_deletion"("upload_id");

-- AddForeignKey
ALTER TABLE "upload_deletion" ADD CONSTRAINT "upload_deletion_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE CASCADE;
