-- IF NOT EXISTS: at national scale, build it beforehand with CREATE INDEX CONCURRENTLY (README, "Migrations").
-- Created before the old one is dropped: the cascade never runs without an index on candidateId.
-- CreateIndex
CREATE INDEX IF NOT EXISTS "JobApplication_candidateId_senderOrganizationId_status_idx" ON "JobApplication"("candidateId", "senderOrganizationId", "status");

-- DropIndex
DROP INDEX IF EXISTS "JobApplication_candidateId_status_idx";
