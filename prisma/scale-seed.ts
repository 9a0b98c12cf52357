/**
 * National-scale data (issue 12): `npm run db:seed:scale` on DATABASE_URL, and `npm run bench`.
 * For `applications` = 2,000,000: 300,000 candidates, 8,000 organisations (1,500 prescriber
 * organisations, 6,500 employers) and 20,000 users, every count scaled down with BENCH_ROWS.
 * Skewed like reality: the biggest employer receives 10 % of the applications (200,000), the
 * biggest prescriber organisation sends 7.5 % (150,000), the others follow a long tail; two years
 * of history in every status, pending ones recent (older ones were refused automatically),
 * closed ones archived after 180 days; an event per step, an outbox e-mail for one application
 * in ten, and the job runs of the last days and of today (so that a server started on it runs none).
 *
 * Set-based SQL only (INSERT … SELECT over generate_series), with triggers off during the load
 * (session_replication_role = replica: no per-row foreign-key check or counter update) and the
 * big tables' secondary indexes dropped, then rebuilt once; the counters and filter choices are
 * then computed in one GROUP BY each, as the migration does.
 *
 * Fixed sign-in addresses: bench-employer@bench.test (admin of the biggest employer),
 * bench-prescriber@bench.test (member of the biggest prescriber organisation), and
 * bench-employer-median@bench.test / bench-prescriber-median@bench.test (organisations of median size).
 */
import pg from "pg";

export interface ScaleShape {
  applications: number;
  candidates: number;
  prescribers: number;
  employers: number;
  users: number;
}

export function scaleShape(applications: number): ScaleShape {
  const share = applications / 2_000_000;
  const prescribers = Math.max(4, Math.round(1_500 * share));
  const employers = Math.max(8, Math.round(6_500 * share));
  return {
    applications,
    candidates: Math.max(100, Math.round(300_000 * share)),
    prescribers,
    employers,
    users: Math.max(prescribers + employers, Math.round(20_000 * share)),
  };
}

export interface ScaleOrganizations {
  employer: string;
  prescriber: string;
  medianEmployer: string;
  medianPrescriber: string;
}

export const BENCH_USERS = {
  employer: "bench-employer@bench.test",
  prescriber: "bench-prescriber@bench.test",
  medianEmployer: "bench-employer-median@bench.test",
  medianPrescriber: "bench-prescriber-median@bench.test",
} as const;

const org = (index: number) => `bench-org-${index}`;

/**
 * The exponent of the long tail (index = floor(n · random()^k)): as steep as 2, but never so steep
 * that the tail's first organisation outgrows half of the biggest one's `share` (few organisations).
 */
const tail = (n: number, share: number) => Math.max(1, Math.min(2, Math.log(Math.max(2, n - 1)) / Math.log(2 / share)));

/** Loads the data into an empty, migrated database; returns the organisations the bench signs in to. */
export async function seedScaleData(
  databaseUrl: string,
  applications: number,
  log: (line: string) => void = () => {},
): Promise<ScaleOrganizations> {
  const shape = scaleShape(applications);
  const { candidates: C, prescribers: P, employers: E, users: U } = shape;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("SELECT setseed(0.42)");
    // Secondary indexes of the big tables are built once after the load, not row by row during it.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename IN ('JobApplication', 'ApplicationEvent', 'OutboxEmail', 'CandidateProfile')
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) AND i.indexdef NOT LIKE 'CREATE UNIQUE %'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    // Organisations 1..P prescribers (1 the biggest), P+1..P+E employers (P+1 the biggest).
    await step(
      "organisations",
      `INSERT INTO "Organization" (id, kind, type, name, siret, city, "postalCode", department, "updatedAt")
       SELECT 'bench-org-' || i,
              (CASE WHEN i <= $1 THEN 'PRESCRIBER' ELSE 'EMPLOYER' END)::"OrganizationKind",
              (CASE WHEN i <= $1 THEN (ARRAY['FT','ML','CAP_EMPLOI','DEPT','OTHER'])[1 + i % 5]
                    ELSE (ARRAY['EI','ACI','AI','ETTI','EITI','GEIQ'])[1 + i % 6] END)::"OrganizationType",
              (CASE WHEN i <= $1 THEN 'Prescripteur ' ELSE 'Employeur ' END) || i,
              '9' || lpad(i::text, 13, '0'), 'Ville ' || (i % 500), lpad((1000 + i % 95000)::text, 5, '0'), lpad((1 + i % 95)::text, 2, '0'), now()
       FROM generate_series(1, $1::int + $2::int) AS i`,
      [P, E],
    );
    // User u belongs to organisation ((u - 1) mod O) + 1; the first of each organisation is its admin.
    await step(
      "users",
      `INSERT INTO "User" (id, email, "firstName", "lastName", "emailVerified", "updatedAt")
       SELECT 'bench-user-' || u, 'bench-user-' || u || '@bench.test', 'Prénom' || u, 'Membre' || u, now(), now()
       FROM generate_series(1, $1::int) AS u`,
      [U],
    );
    await step(
      "memberships",
      `INSERT INTO "Membership" (id, "userId", "organizationId", role)
       SELECT 'bench-mem-' || u, 'bench-user-' || u, 'bench-org-' || (1 + (u - 1) % $2::int),
              (CASE WHEN u <= $2::int THEN 'ADMIN' ELSE 'MEMBER' END)::"MembershipRole"
       FROM generate_series(1, $1::int) AS u`,
      [U, P + E],
    );
    // Each person is followed by one prescriber organisation (7.5 % by the biggest, then a long tail).
    await client.query(
      `CREATE TEMP TABLE bench_home ON COMMIT DROP AS
       SELECT c, CASE WHEN random() < 0.075 THEN 1 ELSE 2 + floor(($2::int - 1) * random() ^ $3::float)::int END AS p
       FROM generate_series(1, $1::int) AS c`,
      [C, P, tail(P, 0.075)],
    );
    await client.query(`ALTER TABLE bench_home ADD PRIMARY KEY (c)`);
    await step(
      "candidates",
      `INSERT INTO "Candidate" (id, email, "updatedAt")
       SELECT 'bench-cand-' || c, CASE WHEN c % 10 = 0 THEN NULL ELSE 'bench-cand-' || c || '@bench.test' END, now()
       FROM bench_home`,
    );
    await step(
      "candidate profiles",
      `INSERT INTO "CandidateProfile" (id, "candidateId", "organizationId", "firstName", "lastName", "updatedAt")
       SELECT 'bench-prof-' || c, 'bench-cand-' || c, 'bench-org-' || p,
              (ARRAY['Léa','Karim','Sophie','Mamadou','Julie','Thomas','Nadia','Lucas','Inès','Hugo'])[1 + c % 10] || ' ' || (c % 97),
              'Nom' || (c % 20000), now()
       FROM bench_home`,
    );
    // Applications: 10 % to the biggest employer, the rest on a long tail; two years back.
    await client.query(
      `CREATE TEMP TABLE bench_app ON COMMIT DROP AS
       SELECT i, x.c, h.p, x.e, x.created,
              CASE WHEN x.r < 0.10 THEN 'NEW' WHEN x.r < 0.20 THEN 'PROCESSING' WHEN x.r < 0.28 THEN 'POSTPONED'
                   WHEN x.r < 0.42 THEN 'ACCEPTED' WHEN x.r < 0.80 THEN 'REFUSED' WHEN x.r < 0.83 THEN 'CANCELLED'
                   ELSE 'OBSOLETE' END AS status
       FROM (
         SELECT i, 1 + floor(random() * $2::int)::int AS c,
                CASE WHEN random() < 0.10 THEN $3::int + 1 ELSE $3::int + 2 + floor(($4::int - 1) * random() ^ $5::float)::int END AS e,
                now() - random() * interval '730 days' AS created, random() AS r
         FROM generate_series(1, $1::int) AS i
       ) x JOIN bench_home h ON h.c = x.c`,
      [applications, C, P, E, tail(E, 0.1)],
    );
    // Pending for more than 60 days does not happen (the automatic refusal): those were refused.
    await client.query(
      `UPDATE bench_app SET status = 'AUTO' WHERE status IN ('NEW', 'PROCESSING') AND created < now() - interval '50 days'`,
    );
    await step(
      "applications",
      `INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", "jobTitle", message,
              status, "handlerId", "refusalReason", "answerToCandidate", "hiringStartDate", "createdAt", "updatedAt", "processedAt",
              "decidedAt", "statusChangedAt", "archivedAt", spontaneous, "hiredJobId")
       SELECT 'bench-app-' || lpad(i::text, 9, '0'), 'bench-cand-' || c, 'bench-user-' || p, 'bench-org-' || p, 'bench-org-' || e,
              (ARRAY['Agent de tri','Préparateur de commandes','Aide à domicile','Maraîcher','Agent d''entretien'])[1 + i % 5],
              'Bonjour, je vous propose la candidature de cette personne, motivée et disponible.',
              (CASE WHEN status = 'AUTO' THEN 'REFUSED' ELSE status END)::"ApplicationStatus",
              CASE WHEN status IN ('NEW', 'OBSOLETE', 'AUTO') THEN NULL ELSE 'bench-user-' || e END,
              (CASE WHEN status = 'AUTO' THEN 'AUTO'
                    WHEN status = 'REFUSED' THEN (ARRAY['NO_POSITION', 'NOT_MOBILE', 'UNREACHABLE', 'OTHER'])[1 + i % 4] END)::"RefusalReason",
              CASE WHEN status IN ('REFUSED', 'AUTO', 'POSTPONED', 'ACCEPTED') THEN 'Merci pour votre candidature.' END,
              CASE WHEN status IN ('ACCEPTED', 'CANCELLED') THEN (created + interval '14 days')::date END,
              created, changed, CASE WHEN status IN ('NEW', 'OBSOLETE', 'AUTO') THEN NULL ELSE least(changed, created + (i % 3) * interval '1 day') END,
              -- The decision's event (below), a day after sending: a member's accept or refuse.
              CASE WHEN status IN ('ACCEPTED', 'REFUSED') THEN created + interval '1 day' END,
              changed,
              CASE WHEN status IN ('REFUSED', 'CANCELLED', 'OBSOLETE', 'AUTO') AND changed < now() - interval '180 days'
                   THEN changed + interval '180 days' END,
              -- One application in three is spontaneous; the others were sent for one of the employer's
              -- jobs (bench-job-<employer>-<k>, k = 2 or 3), which an accept names as "Poste retenu".
              i % 3 = 0,
              CASE WHEN status = 'ACCEPTED' AND i % 3 <> 0 THEN 'bench-job-' || e || '-' || (1 + i % 3) END
       FROM (SELECT *, CASE WHEN status = 'NEW' THEN created WHEN status = 'AUTO' THEN created + interval '60 days'
                            ELSE least(now(), created + interval '3 days') END AS changed FROM bench_app) a`,
    );
    // Three jobs per employer, the third closed, each with its history (issue 13).
    await step(
      "jobs",
      `INSERT INTO "JobDescription" (id, "organizationId", title, "contractType", city, department, "weeklyHours", positions, "isOpen", "createdAt", "updatedAt")
       SELECT 'bench-job-' || e || '-' || k, 'bench-org-' || e,
              (ARRAY['Agent de tri','Préparateur de commandes','Aide à domicile','Maraîcher','Agent d''entretien'])[1 + (e + k) % 5],
              (ARRAY['CDDI','CDI_INCLUSION','CDD','INTERIM_INSERTION'])[1 + (e + k) % 4]::"ContractType",
              'Ville ' || (e % 500), lpad((1 + e % 95)::text, 2, '0'), 20 + 5 * k, k, k <> 3, now() - interval '2 years', now()
       FROM generate_series($1::int + 1, $1::int + $2::int) AS e, generate_series(1, 3) AS k`,
      [P, E],
    );
    await step(
      "job history",
      `INSERT INTO "JobChange" (id, "organizationId", "jobDescriptionId", "actorId", action, "createdAt")
       SELECT 'bench-jobc-' || e || '-' || k || '-' || a, 'bench-org-' || e, 'bench-job-' || e || '-' || k, 'bench-user-' || e, a,
              now() - CASE a WHEN 'created' THEN interval '2 years' ELSE interval '30 days' END
       FROM generate_series($1::int + 1, $1::int + $2::int) AS e, generate_series(1, 3) AS k, unnest(ARRAY['created', 'closed']) AS a
       WHERE a = 'created' OR k = 3`,
      [P, E],
    );
    await step(
      "jobs applied for",
      `INSERT INTO "ApplicationJob" ("applicationId", "jobDescriptionId")
       SELECT 'bench-app-' || lpad(i::text, 9, '0'), 'bench-job-' || e || '-' || (1 + i % 3) FROM bench_app WHERE i % 3 <> 0`,
    );
    await step(
      "events",
      `INSERT INTO "ApplicationEvent" (id, "applicationId", transition, "fromStatus", "toStatus", "actorId", "createdAt")
       SELECT 'bench-ev-s-' || i, 'bench-app-' || lpad(i::text, 9, '0'), 'send', NULL::"ApplicationStatus", 'NEW'::"ApplicationStatus", 'bench-user-' || p, created FROM bench_app
       UNION ALL
       SELECT 'bench-ev-d-' || i, 'bench-app-' || lpad(i::text, 9, '0'),
              CASE status WHEN 'PROCESSING' THEN 'process' WHEN 'POSTPONED' THEN 'postpone' WHEN 'ACCEPTED' THEN 'accept'
                          WHEN 'REFUSED' THEN 'refuse' WHEN 'CANCELLED' THEN 'cancel' WHEN 'OBSOLETE' THEN 'render_obsolete' ELSE 'auto_refuse' END,
              'NEW'::"ApplicationStatus", (CASE WHEN status = 'AUTO' THEN 'REFUSED' ELSE status END)::"ApplicationStatus",
              CASE WHEN status IN ('OBSOLETE', 'AUTO') THEN NULL ELSE 'bench-user-' || e END, created + interval '1 day'
       FROM bench_app WHERE status <> 'NEW'`,
    );
    await step(
      "outbox e-mails",
      `INSERT INTO "OutboxEmail" (id, "to", template, subject, text, html, status, "idempotencyKey", "applicationId", "createdAt", "sentAt", "bodyPurgedAt")
       SELECT 'bench-mail-' || i, 'bench-user-' || e || '@bench.test', 'application_received', 'Nouvelle candidature',
              CASE WHEN created < now() - interval '90 days' THEN '' ELSE 'Une nouvelle candidature vous attend.' END,
              CASE WHEN created < now() - interval '90 days' THEN '' ELSE '<p>Une nouvelle candidature vous attend.</p>' END,
              'SENT', 'bench-mail-' || i, 'bench-app-' || lpad(i::text, 9, '0'), created, created,
              CASE WHEN created < now() - interval '90 days' THEN created + interval '91 days' END
       FROM bench_app WHERE i % 10 = 0`,
    );
    await step(
      "job runs",
      `INSERT INTO "JobRun" (name, day, status, "lockedUntil", "startedAt", "finishedAt", result)
       SELECT name, (now() AT TIME ZONE 'Europe/Paris')::date - d, 'DONE', now() - d * interval '1 day', now() - d * interval '1 day',
              now() - d * interval '1 day', '{}'::jsonb
       FROM unnest(ARRAY['email-retention','sign-in-housekeeping','auto-refusal-warning','auto-refusal','archiving','application-counts']) AS name,
            generate_series(0, 30) AS d`,
    );
    const indexed = Date.now();
    for (const index of indexes) await client.query(index.definition);
    log(`  ${indexes.length} indexes: ${((Date.now() - indexed) / 1000).toFixed(1)} s`);
    // What the triggers would have written statement by statement.
    await step(
      "counters",
      `INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
       SELECT "employerOrganizationId", 'EMPLOYER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::int FROM "JobApplication" GROUP BY 1, 3, 4
       UNION ALL
       SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::int FROM "JobApplication" GROUP BY 1, 3, 4`,
    );
    await step(
      "filter choices",
      `INSERT INTO "EmployerSender" SELECT DISTINCT "employerOrganizationId", "senderOrganizationId" FROM "JobApplication"`,
    );
    await client.query(
      `INSERT INTO "EmployerHandler" SELECT DISTINCT "employerOrganizationId", "handlerId" FROM "JobApplication" WHERE "handlerId" IS NOT NULL`,
    );
    await client.query(`INSERT INTO "OrganizationSender" SELECT DISTINCT "senderOrganizationId", "senderUserId" FROM "JobApplication"`);

    const median = async (side: "EMPLOYER" | "PRESCRIBER") => {
      const { rows } = await client.query<{ id: string }>(
        `WITH sizes AS (SELECT "organizationId" AS id, sum(count) AS n FROM "ApplicationCount" WHERE side = $1 GROUP BY 1)
         SELECT id FROM sizes ORDER BY n, id OFFSET (SELECT count(*) / 2 FROM sizes) LIMIT 1`,
        [side],
      );
      return rows[0]!.id;
    };
    const orgs: ScaleOrganizations = {
      employer: org(P + 1),
      prescriber: org(1),
      medianEmployer: await median("EMPLOYER"),
      medianPrescriber: await median("PRESCRIBER"),
    };
    const fixed: [string, string, "ADMIN" | "MEMBER"][] = [
      [BENCH_USERS.employer, orgs.employer, "ADMIN"],
      [BENCH_USERS.prescriber, orgs.prescriber, "MEMBER"],
      [BENCH_USERS.medianEmployer, orgs.medianEmployer, "ADMIN"],
      [BENCH_USERS.medianPrescriber, orgs.medianPrescriber, "MEMBER"],
    ];
    for (const [email, organizationId, role] of fixed) {
      const id = email.replace(/@.*/, "");
      await client.query(
        `INSERT INTO "User" (id, email, "firstName", "lastName", "emailVerified", "updatedAt") VALUES ($1, $2, 'Banc', 'Essai', now(), now())`,
        [id, email],
      );
      await client.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $1, $2, $3::"MembershipRole")`, [
        id,
        organizationId,
        role,
      ]);
    }
    await client.query("COMMIT");
    const started = Date.now();
    // As after any bulk load: statistics for the planner, and the visibility map that index-only
    // scans (capped counts, "Statistiques") rely on, which autovacuum would otherwise set later
    // (and never, on a server that runs with autovacuum off, as this workplace's does).
    await client.query("VACUUM (ANALYZE)");
    log(`  vacuum and analyze: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return orgs;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
