-- IF NOT EXISTS: at national scale, build these beforehand with CREATE INDEX CONCURRENTLY (README, "Migrations").
-- CreateIndex
CREATE INDEX IF NOT EXISTS "JobApplication_employerOrganizationId_senderOrganizationId__idx" ON "JobApplication"("employerOrganizationId", "senderOrganizationId", "createdAt");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "JobApplication_senderOrganizationId_employerOrganizationId__idx" ON "JobApplication"("senderOrganizationId", "employerOrganizationId", "createdAt");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "JobApplication_employerOrganizationId_handlerId_createdAt_idx" ON "JobApplication"("employerOrganizationId", "handlerId", "createdAt");
