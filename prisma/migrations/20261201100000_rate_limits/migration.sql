-- The per-token request budgets (uploads, registry edits, deletions), shared by every web process.
CREATE TABLE "rate_limit" (
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "events" BIGINT[] NOT NULL DEFAULT ARRAY[]::BIGINT[],

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("bucket","key")
);
