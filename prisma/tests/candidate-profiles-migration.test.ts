import { describe, expect, it } from "vitest";
import { beforeMigration } from "./migration-scratch";

// Issue 8, item 7 moved names and contact details from Candidate to one CandidateProfile per
// sending organisation: existing data must survive the migration, each organisation keeping the
// record its applications were made with.
const PROFILES_MIGRATION = "candidate_profiles";

describe("the candidate_profiles migration", () => {
  it("gives every organisation that applied for a person a profile copied from the old Candidate row", async () => {
    await beforeMigration(PROFILES_MIGRATION, async (client, migrate) => {
      await client.query(`
        INSERT INTO "Organization" (id, kind, type, name, siret, "updatedAt") VALUES
          ('ft', 'PRESCRIBER', 'FT', 'FT', '00000000000001', now()),
          ('ml', 'PRESCRIBER', 'ML', 'ML', '00000000000002', now()),
          ('ei', 'EMPLOYER', 'EI', 'EI', '00000000000003', now());
        INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'u1@t.test', now()), ('u2', 'u2@t.test', now());
        INSERT INTO "Candidate" (id, "firstName", "lastName", email, phone, "birthDate", "updatedAt") VALUES
          ('awa', 'Awa', 'Diallo', 'awa@t.test', '06 00 00 00 01', '1990-02-03', now()),
          ('lone', 'Sans', 'Candidature', NULL, NULL, NULL, now());
        INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", message, "updatedAt") VALUES
          ('a1', 'awa', 'u1', 'ft', 'ei', 'm', now()),
          ('a2', 'awa', 'u1', 'ft', 'ei', 'm', now()),
          ('a3', 'awa', 'u2', 'ml', 'ei', 'm', now());
      `);
      await migrate();

      const { rows } = await client.query(
        `SELECT "candidateId", "organizationId", "firstName", "lastName", phone, to_char("birthDate", 'YYYY-MM-DD') AS "birthDate"
         FROM "CandidateProfile" ORDER BY "organizationId"`,
      );
      const awa = { candidateId: "awa", firstName: "Awa", lastName: "Diallo", phone: "06 00 00 00 01", birthDate: "1990-02-03" };
      expect(rows).toEqual([
        { ...awa, organizationId: "ft" },
        { ...awa, organizationId: "ml" },
      ]);
      // The person keeps only the shared identity, and every application reaches its sender's record.
      const { rows: candidates } = await client.query(`SELECT * FROM "Candidate" ORDER BY id`);
      expect(candidates.map((c) => Object.keys(c).sort())).toEqual([
        ["createdAt", "email", "id", "updatedAt"],
        ["createdAt", "email", "id", "updatedAt"],
      ]);
      const { rows: joined } = await client.query(
        `SELECT a.id, p."organizationId" FROM "JobApplication" a
         JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId" ORDER BY a.id`,
      );
      expect(joined).toEqual([
        { id: "a1", organizationId: "ft" },
        { id: "a2", organizationId: "ft" },
        { id: "a3", organizationId: "ml" },
      ]);
      // From now on the database refuses an application without its sender's record.
      await expect(
        client.query(`INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", message, "updatedAt")
                      VALUES ('a4', 'lone', 'u1', 'ft', 'ei', 'm', now())`),
      ).rejects.toThrow(/foreign key/);
    });
  });
});
