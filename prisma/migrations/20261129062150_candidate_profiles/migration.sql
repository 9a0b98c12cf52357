-- Issue 8, item 7: each organisation keeps its own record of a person (names, phone, birth
-- date), and "Candidate" keeps only the shared identity (e-mail) used by "embauché ailleurs".
-- Existing data is kept: every organisation that sent an application gets a profile copied from
-- the current Candidate row, before those columns are dropped.

-- CreateTable
CREATE TABLE "CandidateProfile" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "birthDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CandidateProfile_organizationId_lastName_firstName_idx" ON "CandidateProfile"("organizationId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateProfile_candidateId_organizationId_key" ON "CandidateProfile"("candidateId", "organizationId");

-- Backfill: one profile per (candidate, sending organisation), from the current Candidate row.
INSERT INTO "CandidateProfile" ("id", "candidateId", "organizationId", "firstName", "lastName", "phone", "birthDate", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, c."id", a."senderOrganizationId", c."firstName", c."lastName", c."phone", c."birthDate", MIN(a."createdAt"), CURRENT_TIMESTAMP
FROM "JobApplication" a
JOIN "Candidate" c ON c."id" = a."candidateId"
GROUP BY c."id", a."senderOrganizationId", c."firstName", c."lastName", c."phone", c."birthDate";

-- AddForeignKey
ALTER TABLE "CandidateProfile" ADD CONSTRAINT "CandidateProfile_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateProfile" ADD CONSTRAINT "CandidateProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_candidateId_senderOrganizationId_fkey" FOREIGN KEY ("candidateId", "senderOrganizationId") REFERENCES "CandidateProfile"("candidateId", "organizationId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "Candidate_lastName_firstName_idx";

-- AlterTable
ALTER TABLE "Candidate" DROP COLUMN "birthDate",
DROP COLUMN "firstName",
DROP COLUMN "lastName",
DROP COLUMN "phone";
