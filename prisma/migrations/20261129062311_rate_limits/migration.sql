-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_bucket_at_idx" ON "RateLimitHit"("bucket", "at");

-- CreateIndex
CREATE INDEX "JobApplication_senderUserId_createdAt_idx" ON "JobApplication"("senderUserId", "createdAt");
