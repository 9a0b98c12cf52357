-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('CDDI', 'CDI_INCLUSION', 'CDD', 'INTERIM_INSERTION', 'APPRENTICESHIP', 'PROFESSIONALIZATION');

-- AlterTable
ALTER TABLE "JobApplication" ADD COLUMN     "hiredJobId" TEXT,
ADD COLUMN     "resentFromId" TEXT,
ADD COLUMN     "spontaneous" BOOLEAN NOT NULL DEFAULT false;

-- Every application sent before job descriptions existed named no job: it becomes a spontaneous
-- one, its free-text "jobTitle" kept as what the prescriber asked for (nothing is lost).
UPDATE "JobApplication" SET "spontaneous" = true;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "spontaneousApplicationsOpen" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "JobDescription" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contractType" "ContractType" NOT NULL,
    "city" TEXT NOT NULL,
    "department" VARCHAR(3) NOT NULL,
    "weeklyHours" INTEGER NOT NULL,
    "positions" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT NOT NULL DEFAULT '',
    "isOpen" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobDescription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationJob" (
    "applicationId" TEXT NOT NULL,
    "jobDescriptionId" TEXT NOT NULL,

    CONSTRAINT "ApplicationJob_pkey" PRIMARY KEY ("applicationId","jobDescriptionId")
);

-- CreateTable
CREATE TABLE "JobChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobDescriptionId" TEXT,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobDescription_organizationId_isOpen_title_idx" ON "JobDescription"("organizationId", "isOpen", "title");

-- CreateIndex
CREATE INDEX "ApplicationJob_jobDescriptionId_idx" ON "ApplicationJob"("jobDescriptionId");

-- CreateIndex
CREATE INDEX "JobChange_organizationId_createdAt_idx" ON "JobChange"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "JobApplication_resentFromId_idx" ON "JobApplication"("resentFromId");

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_hiredJobId_fkey" FOREIGN KEY ("hiredJobId") REFERENCES "JobDescription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_resentFromId_fkey" FOREIGN KEY ("resentFromId") REFERENCES "JobApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobDescription" ADD CONSTRAINT "JobDescription_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationJob" ADD CONSTRAINT "ApplicationJob_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "JobApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationJob" ADD CONSTRAINT "ApplicationJob_jobDescriptionId_fkey" FOREIGN KEY ("jobDescriptionId") REFERENCES "JobDescription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobChange" ADD CONSTRAINT "JobChange_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobChange" ADD CONSTRAINT "JobChange_jobDescriptionId_fkey" FOREIGN KEY ("jobDescriptionId") REFERENCES "JobDescription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobChange" ADD CONSTRAINT "JobChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
