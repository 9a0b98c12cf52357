-- DropIndex
DROP INDEX "ApplicationEvent_applicationId_createdAt_idx";

-- DropIndex
DROP INDEX "JobApplication_employerOrganizationId_createdAt_id_idx";

-- DropIndex
DROP INDEX "JobApplication_senderOrganizationId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_createdAt_transition_actorId_idx" ON "ApplicationEvent"("applicationId", "createdAt", "transition", "actorId");

-- CreateIndex
CREATE INDEX "JobApplication_employerOrganizationId_createdAt_id_status_p_idx" ON "JobApplication"("employerOrganizationId", "createdAt", "id", "status", "processedAt", "refusalReason", "handlerId");

-- CreateIndex
CREATE INDEX "JobApplication_senderOrganizationId_createdAt_id_status_pro_idx" ON "JobApplication"("senderOrganizationId", "createdAt", "id", "status", "processedAt", "refusalReason", "senderUserId");
