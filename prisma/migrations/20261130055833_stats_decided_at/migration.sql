-- DropIndex
DROP INDEX "JobApplication_employerOrganizationId_createdAt_id_status_p_idx";

-- DropIndex
DROP INDEX "JobApplication_senderOrganizationId_createdAt_id_status_pro_idx";

-- AlterTable
ALTER TABLE "JobApplication" ADD COLUMN     "decidedAt" TIMESTAMP(3);

-- The applications already decided: their first accept or refuse by a member, from their history.
-- The counters' trigger is off meanwhile: this changes no status nor archiving, and its transition
-- tables would hold every decided application twice (the table is locked by ADD COLUMN anyway).
ALTER TABLE "JobApplication" DISABLE TRIGGER "JobApplication_counts_update";
UPDATE "JobApplication" a SET "decidedAt" = d.at
FROM (
  SELECT "applicationId", min("createdAt") AS at FROM "ApplicationEvent"
  WHERE transition IN ('accept', 'refuse') AND "actorId" IS NOT NULL GROUP BY 1
) d
WHERE a.id = d."applicationId";
ALTER TABLE "JobApplication" ENABLE TRIGGER "JobApplication_counts_update";

-- CreateIndex
CREATE INDEX "JobApplication_employerOrganizationId_createdAt_id_status_p_idx" ON "JobApplication"("employerOrganizationId", "createdAt", "id", "status", "processedAt", "refusalReason", "handlerId", "decidedAt");

-- CreateIndex
CREATE INDEX "JobApplication_senderOrganizationId_createdAt_id_status_pro_idx" ON "JobApplication"("senderOrganizationId", "createdAt", "id", "status", "processedAt", "refusalReason", "senderUserId", "decidedAt");
