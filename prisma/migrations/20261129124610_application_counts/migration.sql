-- Issue 12: counters and filter choices kept by a trigger, and trigram indexes for the name search.

-- pg_trgm ships with PostgreSQL's contrib and with PGlite (loaded in prisma/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "ApplicationCount" (
    "organizationId" TEXT NOT NULL,
    "side" "OrganizationKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "archived" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ApplicationCount_pkey" PRIMARY KEY ("organizationId","side","status","archived")
);

-- CreateTable
CREATE TABLE "EmployerSender" (
    "employerOrganizationId" TEXT NOT NULL,
    "senderOrganizationId" TEXT NOT NULL,

    CONSTRAINT "EmployerSender_pkey" PRIMARY KEY ("employerOrganizationId","senderOrganizationId")
);

-- CreateTable
CREATE TABLE "EmployerHandler" (
    "employerOrganizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "EmployerHandler_pkey" PRIMARY KEY ("employerOrganizationId","userId")
);

-- CreateIndex
CREATE INDEX "CandidateProfile_lastName_trgm_idx" ON "CandidateProfile" USING GIN ("lastName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "CandidateProfile_firstName_trgm_idx" ON "CandidateProfile" USING GIN ("firstName" gin_trgm_ops);

-- The counters follow every write to "JobApplication", in the writer's transaction, whoever
-- writes (decisions, cascade, daily jobs, sending, archiving, seeds, tests). An UPDATE that moves
-- two counters changes them in key order, so two opposite moves (A→B and B→A) cannot deadlock.
CREATE FUNCTION "application_count_add"(p_org TEXT, p_side "OrganizationKind", p_status "ApplicationStatus", p_archived BOOLEAN, p_delta INTEGER)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
  VALUES (p_org, p_side, p_status, p_archived, p_delta)
  ON CONFLICT ("organizationId", "side", "status", "archived")
  DO UPDATE SET "count" = "ApplicationCount"."count" + EXCLUDED."count";
END $$;

CREATE FUNCTION "job_application_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  old_key TEXT;
  new_key TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "application_count_add"(NEW."employerOrganizationId", 'EMPLOYER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
    PERFORM "application_count_add"(NEW."senderOrganizationId", 'PRESCRIBER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
    INSERT INTO "EmployerSender" VALUES (NEW."employerOrganizationId", NEW."senderOrganizationId") ON CONFLICT DO NOTHING;
    IF NEW."handlerId" IS NOT NULL THEN
      INSERT INTO "EmployerHandler" VALUES (NEW."employerOrganizationId", NEW."handlerId") ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "application_count_add"(OLD."employerOrganizationId", 'EMPLOYER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
    PERFORM "application_count_add"(OLD."senderOrganizationId", 'PRESCRIBER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
    RETURN NULL;
  END IF;
  -- UPDATE
  IF NEW."handlerId" IS NOT NULL AND NEW."handlerId" IS DISTINCT FROM OLD."handlerId" THEN
    INSERT INTO "EmployerHandler" VALUES (NEW."employerOrganizationId", NEW."handlerId") ON CONFLICT DO NOTHING;
  END IF;
  IF NEW."employerOrganizationId" IS DISTINCT FROM OLD."employerOrganizationId"
     OR NEW."senderOrganizationId" IS DISTINCT FROM OLD."senderOrganizationId" THEN
    INSERT INTO "EmployerSender" VALUES (NEW."employerOrganizationId", NEW."senderOrganizationId") ON CONFLICT DO NOTHING;
  ELSIF NEW."status" = OLD."status" AND (NEW."archivedAt" IS NULL) = (OLD."archivedAt" IS NULL) THEN
    RETURN NULL;
  END IF;
  old_key := OLD."status"::TEXT || (OLD."archivedAt" IS NOT NULL)::TEXT;
  new_key := NEW."status"::TEXT || (NEW."archivedAt" IS NOT NULL)::TEXT;
  IF old_key <= new_key THEN
    PERFORM "application_count_add"(OLD."employerOrganizationId", 'EMPLOYER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
    PERFORM "application_count_add"(NEW."employerOrganizationId", 'EMPLOYER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
    PERFORM "application_count_add"(OLD."senderOrganizationId", 'PRESCRIBER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
    PERFORM "application_count_add"(NEW."senderOrganizationId", 'PRESCRIBER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
  ELSE
    PERFORM "application_count_add"(NEW."employerOrganizationId", 'EMPLOYER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
    PERFORM "application_count_add"(OLD."employerOrganizationId", 'EMPLOYER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
    PERFORM "application_count_add"(NEW."senderOrganizationId", 'PRESCRIBER', NEW."status", NEW."archivedAt" IS NOT NULL, 1);
    PERFORM "application_count_add"(OLD."senderOrganizationId", 'PRESCRIBER', OLD."status", OLD."archivedAt" IS NOT NULL, -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "JobApplication_counts"
AFTER INSERT OR DELETE OR UPDATE OF "status", "archivedAt", "handlerId", "employerOrganizationId", "senderOrganizationId"
ON "JobApplication" FOR EACH ROW EXECUTE FUNCTION "job_application_counts"();

-- The rows already there.
INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
SELECT "employerOrganizationId", 'EMPLOYER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::INTEGER
FROM "JobApplication" GROUP BY 1, 3, 4
UNION ALL
SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::INTEGER
FROM "JobApplication" GROUP BY 1, 3, 4;
INSERT INTO "EmployerSender" SELECT DISTINCT "employerOrganizationId", "senderOrganizationId" FROM "JobApplication";
INSERT INTO "EmployerHandler" SELECT DISTINCT "employerOrganizationId", "handlerId" FROM "JobApplication" WHERE "handlerId" IS NOT NULL;
