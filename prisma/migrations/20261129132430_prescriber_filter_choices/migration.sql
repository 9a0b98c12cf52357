-- Issue 12: the prescriber list's filter choices from small tables too.

-- The users who sent for each prescriber organisation ("Envoyée par"), kept by a statement trigger
-- on insert (an application's sender never changes; the daily "application-counts" job adds any
-- pair missing).
CREATE TABLE "OrganizationSender" (
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "OrganizationSender_pkey" PRIMARY KEY ("organizationId","userId")
);

-- The employers a prescriber organisation applied to ("Employeur"), read by sender.
CREATE INDEX "EmployerSender_senderOrganizationId_idx" ON "EmployerSender"("senderOrganizationId");

CREATE FUNCTION "job_application_senders"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OrganizationSender" SELECT DISTINCT "senderOrganizationId", "senderUserId" FROM new_rows ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "JobApplication_senders_insert" AFTER INSERT ON "JobApplication"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_application_senders"();

-- A deleted application (an organisation deleted, a test cleaning up) takes away the choices
-- that no remaining application backs.
CREATE FUNCTION "job_application_choices_delete"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "EmployerSender" s
  USING (SELECT DISTINCT "employerOrganizationId" AS e, "senderOrganizationId" AS o FROM old_rows) d
  WHERE s."employerOrganizationId" = d.e AND s."senderOrganizationId" = d.o
    AND NOT EXISTS (SELECT 1 FROM "JobApplication" a WHERE a."employerOrganizationId" = d.e AND a."senderOrganizationId" = d.o);
  DELETE FROM "EmployerHandler" h
  USING (SELECT DISTINCT "employerOrganizationId" AS e, "handlerId" AS u FROM old_rows WHERE "handlerId" IS NOT NULL) d
  WHERE h."employerOrganizationId" = d.e AND h."userId" = d.u
    AND NOT EXISTS (SELECT 1 FROM "JobApplication" a WHERE a."employerOrganizationId" = d.e AND a."handlerId" = d.u);
  DELETE FROM "OrganizationSender" s
  USING (SELECT DISTINCT "senderOrganizationId" AS o, "senderUserId" AS u FROM old_rows) d
  WHERE s."organizationId" = d.o AND s."userId" = d.u
    AND NOT EXISTS (SELECT 1 FROM "JobApplication" a WHERE a."senderOrganizationId" = d.o AND a."senderUserId" = d.u);
  RETURN NULL;
END $$;

CREATE TRIGGER "JobApplication_choices_delete" AFTER DELETE ON "JobApplication"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_application_choices_delete"();

INSERT INTO "OrganizationSender" SELECT DISTINCT "senderOrganizationId", "senderUserId" FROM "JobApplication";
