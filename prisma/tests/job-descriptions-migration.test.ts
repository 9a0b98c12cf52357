import { describe, expect, it } from "vitest";
import { beforeMigration } from "./migration-scratch";

// Issue 13, item 6: applications sent before job descriptions existed stay valid; their free-text
// job title becomes a "spontaneous / other" entry, with nothing lost.
const JOBS_MIGRATION = "job_descriptions";

describe("the job_descriptions migration", () => {
  it("makes every existing application spontaneous, keeping its free-text job title, with no job, hired job or origin", async () => {
    await beforeMigration(JOBS_MIGRATION, async (client, migrate) => {
      await client.query(`
        INSERT INTO "Organization" (id, kind, type, name, siret, "updatedAt") VALUES
          ('ft', 'PRESCRIBER', 'FT', 'FT', '00000000000001', now()),
          ('ei', 'EMPLOYER', 'EI', 'EI', '00000000000003', now());
        INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'u1@t.test', now());
        INSERT INTO "Candidate" (id, email, "updatedAt") VALUES ('awa', 'awa@t.test', now());
        INSERT INTO "CandidateProfile" (id, "candidateId", "organizationId", "firstName", "lastName", "updatedAt")
          VALUES ('p1', 'awa', 'ft', 'Awa', 'Diallo', now());
        INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", "jobTitle", message, status, "updatedAt") VALUES
          ('a1', 'awa', 'u1', 'ft', 'ei', 'Agent de tri', 'm', 'ACCEPTED', now()),
          ('a2', 'awa', 'u1', 'ft', 'ei', NULL, 'm', 'REFUSED', now());
      `);
      await migrate();

      const { rows } = await client.query(
        `SELECT id, "jobTitle", spontaneous, "hiredJobId", "resentFromId", status FROM "JobApplication" ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: "a1", jobTitle: "Agent de tri", spontaneous: true, hiredJobId: null, resentFromId: null, status: "ACCEPTED" },
        { id: "a2", jobTitle: null, spontaneous: true, hiredJobId: null, resentFromId: null, status: "REFUSED" },
      ]);
      const { rows: organizations } = await client.query(`SELECT id, "spontaneousApplicationsOpen" FROM "Organization" ORDER BY id`);
      expect(organizations).toEqual([
        { id: "ei", spontaneousApplicationsOpen: true },
        { id: "ft", spontaneousApplicationsOpen: true },
      ]);
      // A new application is not spontaneous unless it says so.
      await client.query(`INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", message, "updatedAt")
                          VALUES ('a3', 'awa', 'u1', 'ft', 'ei', 'm', now())`);
      const { rows: fresh } = await client.query(`SELECT spontaneous FROM "JobApplication" WHERE id = 'a3'`);
      expect(fresh).toEqual([{ spontaneous: false }]);
    });
  });
});
