/**
 * Scale data for benchmarks: one employer receiving `rows` applications from one prescriber
 * organisation, spread over two years and every status, written with set-based SQL (seconds,
 * not minutes). Never used by the app or the demo.
 */
import pg from "pg";
import { APPLICATION_STATUSES } from "../lib/status";

export const SCALE_ORGS = { prescriber: "bench-org-prescriber", employer: "bench-org-employer" } as const;
export const SCALE_USER = "bench-user";

export async function seedScaleData(databaseUrl: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Organization" (id, kind, type, name, siret, "updatedAt") VALUES
         ($1, 'PRESCRIBER', 'FT', 'Banc d''essai prescripteur', '90000000000001', now()),
         ($2, 'EMPLOYER', 'EI', 'Banc d''essai employeur', '90000000000002', now())`,
      [SCALE_ORGS.prescriber, SCALE_ORGS.employer],
    );
    await client.query(
      `INSERT INTO "User" (id, email, "firstName", "lastName", "updatedAt") VALUES ($1, 'bench@bench.test', 'Banc', 'Essai', now())`,
      [SCALE_USER],
    );
    await client.query(
      `INSERT INTO "Candidate" (id, email, "updatedAt")
       SELECT 'bench-cand-' || i, 'bench' || i || '@bench.test', now()
       FROM generate_series(1, $1::int) AS i`,
      [rows],
    );
    // The sending organisation's record of each person (names live there, per organisation).
    await client.query(
      `INSERT INTO "CandidateProfile" (id, "candidateId", "organizationId", "firstName", "lastName", "updatedAt")
       SELECT 'bench-prof-' || i, 'bench-cand-' || i, $2, 'Prénom' || i, 'Nom' || (i % 5000), now()
       FROM generate_series(1, $1::int) AS i`,
      [rows, SCALE_ORGS.prescriber],
    );
    await client.query(
      `INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", message, status, "createdAt", "updatedAt")
       SELECT 'bench-app-' || lpad(i::text, 9, '0'), 'bench-cand-' || i, $2, $3, $4, 'Candidature de banc d''essai',
              ($5::text[])[1 + i % 7]::"ApplicationStatus",
              now() - i * interval '1 minute' * ((730 * 24 * 60)::float / $1::int), now()
       FROM generate_series(1, $1::int) AS i`,
      [rows, SCALE_USER, SCALE_ORGS.prescriber, SCALE_ORGS.employer, APPLICATION_STATUSES],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "JobApplication"`);
    await client.query(`ANALYZE "Candidate"`);
    await client.query(`ANALYZE "CandidateProfile"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
