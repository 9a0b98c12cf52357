-- CreateIndex
CREATE INDEX "JobApplication_employerOrganizationId_senderOrganizationId__idx" ON "JobApplication"("employerOrganizationId", "senderOrganizationId", "createdAt");

-- CreateIndex
CREATE INDEX "JobApplication_senderOrganizationId_employerOrganizationId__idx" ON "JobApplication"("senderOrganizationId", "employerOrganizationId", "createdAt");

-- CreateIndex
CREATE INDEX "JobApplication_employerOrganizationId_handlerId_createdAt_idx" ON "JobApplication"("employerOrganizationId", "handlerId", "createdAt");
