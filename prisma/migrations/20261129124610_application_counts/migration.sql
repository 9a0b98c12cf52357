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
-- writes (decisions, cascade, daily jobs, sending, archiving, seeds, tests). Statement-level
-- triggers: a statement's changes are summed per counter first, so an UPDATE of 1,000 rows writes
-- each counter once (not 1,000 row versions of it), and counters are locked in key order, so two
-- statements moving the same counters cannot deadlock.
CREATE FUNCTION "job_application_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
    SELECT org, side, st, arch, sum(d)::INTEGER FROM (
      SELECT "employerOrganizationId" AS org, 'EMPLOYER'::"OrganizationKind" AS side, "status" AS st, "archivedAt" IS NOT NULL AS arch, 1 AS d FROM new_rows
      UNION ALL
      SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, 1 FROM new_rows
    ) changes GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "side", "status", "archived") DO UPDATE SET "count" = "ApplicationCount"."count" + EXCLUDED."count";
    INSERT INTO "EmployerSender" SELECT DISTINCT "employerOrganizationId", "senderOrganizationId" FROM new_rows ORDER BY 1, 2 ON CONFLICT DO NOTHING;
    INSERT INTO "EmployerHandler" SELECT DISTINCT "employerOrganizationId", "handlerId" FROM new_rows WHERE "handlerId" IS NOT NULL ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
    SELECT org, side, st, arch, sum(d)::INTEGER FROM (
      SELECT "employerOrganizationId" AS org, 'EMPLOYER'::"OrganizationKind" AS side, "status" AS st, "archivedAt" IS NOT NULL AS arch, -1 AS d FROM old_rows
      UNION ALL
      SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, -1 FROM old_rows
    ) changes GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "side", "status", "archived") DO UPDATE SET "count" = "ApplicationCount"."count" + EXCLUDED."count";
  ELSE
    INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
    SELECT org, side, st, arch, sum(d)::INTEGER FROM (
      SELECT "employerOrganizationId" AS org, 'EMPLOYER'::"OrganizationKind" AS side, "status" AS st, "archivedAt" IS NOT NULL AS arch, -1 AS d FROM old_rows
      UNION ALL
      SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, -1 FROM old_rows
      UNION ALL
      SELECT "employerOrganizationId", 'EMPLOYER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, 1 FROM new_rows
      UNION ALL
      SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, 1 FROM new_rows
    ) changes GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "side", "status", "archived") DO UPDATE SET "count" = "ApplicationCount"."count" + EXCLUDED."count";
    INSERT INTO "EmployerSender"
    SELECT DISTINCT n."employerOrganizationId", n."senderOrganizationId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."employerOrganizationId" <> o."employerOrganizationId" OR n."senderOrganizationId" <> o."senderOrganizationId"
    ORDER BY 1, 2 ON CONFLICT DO NOTHING;
    INSERT INTO "EmployerHandler"
    SELECT DISTINCT n."employerOrganizationId", n."handlerId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."handlerId" IS NOT NULL AND n."handlerId" IS DISTINCT FROM o."handlerId"
    ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "JobApplication_counts_insert" AFTER INSERT ON "JobApplication"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_application_counts"();
CREATE TRIGGER "JobApplication_counts_update" AFTER UPDATE ON "JobApplication"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_application_counts"();
CREATE TRIGGER "JobApplication_counts_delete" AFTER DELETE ON "JobApplication"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_application_counts"();

-- Room on each page for the new versions of a counter (HOT updates, pruned in place), and an
-- early autovacuum: a few hundred rows rewritten all day long.
ALTER TABLE "ApplicationCount" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

-- The rows already there.
INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
SELECT "employerOrganizationId", 'EMPLOYER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::INTEGER
FROM "JobApplication" GROUP BY 1, 3, 4
UNION ALL
SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::INTEGER
FROM "JobApplication" GROUP BY 1, 3, 4;
INSERT INTO "EmployerSender" SELECT DISTINCT "employerOrganizationId", "senderOrganizationId" FROM "JobApplication";
INSERT INTO "EmployerHandler" SELECT DISTINCT "employerOrganizationId", "handlerId" FROM "JobApplication" WHERE "handlerId" IS NOT NULL;
