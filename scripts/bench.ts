/**
 * `npm run bench` (issue 12), in one run, on BENCH_ROWS applications (default 2,000,000) of
 * national-scale data (prisma/scale-seed.ts) in a fresh database: `<name>_bench` on the
 * DATABASE_URL server, created through the server's `postgres` database (the one named in the URL
 * need not exist), else an in-memory PGlite (query lines only). BENCH_REUSE=1 keeps a
 * `<name>_bench` seeded by an earlier run with the same BENCH_ROWS.
 *
 * 1. Query lines: the median of each list query, the counters, and the counters again after
 *    100,000 status changes without VACUUM (a "dirty" database: ≤ 2 × fresh).
 * 2. Pages (scripts/bench-pages.ts, PostgreSQL only): the production build, every screen at 1 and
 *    10 connections against the floor page, for the biggest and the median organisations.
 * 3. The outbox drain (README "Performances"): BENCH_EMAILS (5 000) e-mails delivered to a Resend
 *    stand-in on 127.0.0.1 that enforces 2 requests/s and 100 e-mails per batch, once as is
 *    (target: 190 e-mails/s, no duplicate, nothing lost) and once with 1 call in 10 answering 503.
 * 4. The exports (issue 14): the biggest employer's whole list as XLSX and as CSV, each in its own
 *    process (scripts/bench-export.ts), with its time and peak RSS (targets: 30 s, 300 MB).
 * 5. "Statistiques" (issue 14) of the biggest employer and prescriber over a year, a quarter and a
 *    month.
 *
 * BENCH_ONLY=queries|pages|outbox|export|stats runs one part (after the seed). Exits 1 when a target is missed.
 */
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate-deploy";
import { BENCH_USERS, seedScaleData, type ScaleOrganizations } from "../prisma/scale-seed";
import { databaseOnServer, recreateDatabase, withServer } from "../test/global-setup";
import { resendError, startResendStub, type ResendStub } from "../test/resend-stub";
import { benchPages } from "./bench-pages";

const rows = Number(process.env.BENCH_ROWS ?? 2_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);
const emails = Number(process.env.BENCH_EMAILS ?? 5_000);
const statusChanges = Number(process.env.BENCH_STATUS_CHANGES ?? 100_000);
const only = process.env.BENCH_ONLY;
const DRAIN_TARGET_PER_SECOND = 190;
const EXPORT_TARGET_SECONDS = 30;
const EXPORT_TARGET_RSS_MB = 300;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The organisations of an earlier seed, when BENCH_REUSE=1 finds one with as many applications. */
async function seededBefore(url: string): Promise<ScaleOrganizations | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: found } = await client.query<{ email: string; organizationId: string; n: string }>(
      `SELECT u.email, m."organizationId", (SELECT count(*) FROM "JobApplication") AS n
       FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = ANY($1::text[])`,
      [Object.values(BENCH_USERS)],
    );
    if (found.length !== 4 || Number(found[0]!.n) !== rows) return null;
    const of = (email: string) => found.find((row) => row.email === email)!.organizationId;
    return {
      employer: of(BENCH_USERS.employer),
      prescriber: of(BENCH_USERS.prescriber),
      medianEmployer: of(BENCH_USERS.medianEmployer),
      medianPrescriber: of(BENCH_USERS.medianPrescriber),
    };
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let url: string;
  let orgs: ScaleOrganizations | null = null;
  if (process.env.DATABASE_URL) {
    const bench = databaseOnServer(process.env.DATABASE_URL, "bench");
    if (process.env.BENCH_REUSE === "1") {
      const exists = await withServer(process.env.DATABASE_URL, (admin) =>
        admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [bench.name]).then((r) => Boolean(r.rowCount)),
      );
      if (exists) orgs = await seededBefore(bench.url);
    }
    url = orgs ? bench.url : await recreateDatabase(process.env.DATABASE_URL, "bench");
  } else {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  }
  await applyMigrations(url);
  if (!orgs) {
    console.log(`Seeding ${rows.toLocaleString("en")} applications…`);
    const started = performance.now();
    orgs = await seedScaleData(url, rows, console.log);
    console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } else {
    console.log(`Reusing the ${rows.toLocaleString("en")} applications of ${url.replace(/\/\/[^@]*@/, "//")}`);
  }
  // lib/env.ts reads the environment once, at the first import of the app's modules: the
  // drain's stand-in and key are set before either part imports them.
  const stub = await startResendStub({ ratePerSecond: 2, maxBatch: 100 });
  Object.assign(process.env, { RESEND_API_KEY: "re_bench_key", RESEND_BASE_URL: stub.url, RESEND_RATE_LIMIT: "2" });
  let failed = false;
  if (!only || only === "pages") {
    if (embedded) console.log("\nPages: skipped (they need DATABASE_URL: a PostgreSQL server).");
    else failed = (await benchPages(url, orgs)) || failed;
  }
  if (!only || only === "queries") failed = (await benchLists(url, Boolean(embedded), orgs)) || failed;
  if (!only || only === "export") failed = (await benchExports(url, Boolean(embedded), orgs)) || failed;
  if (!only || only === "stats") failed = (await benchStats(url, Boolean(embedded), orgs)) || failed;
  if (!only || only === "outbox") failed = (await benchOutboxDrain(url, Boolean(embedded), stub)) || failed;
  else await stub.close();
  const { prisma } = await import("../lib/db");
  await prisma.$disconnect();
  await embedded?.stop();
  process.exit(failed ? 1 : 0);
}

async function benchLists(url: string, isEmbedded: boolean, orgs: ScaleOrganizations): Promise<boolean> {
  // Targets in ms on PostgreSQL; PGlite (single-threaded WebAssembly) gets BENCH_PGLITE_FACTOR times more.
  const factor = isEmbedded ? Number(process.env.BENCH_PGLITE_FACTOR ?? 5) : 1;

  process.env.DATABASE_URL = url;
  process.env.EMBEDDED_DATABASE = isEmbedded ? "1" : "0";
  const { findApplicationPage, listApplications } = await import("../lib/applications/list");
  const { countApplicationsByStatus } = await import("../lib/applications/queries");
  const { readStatusCounts } = await import("../lib/applications/counts");
  const { parseListFilters } = await import("../lib/applications/list-filters");
  const { prisma, sqlTimestamp } = await import("../lib/db");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const scope = { organizationId: orgs.employer, organizationKind: "EMPLOYER" as const };
  // A name of this employer's list: its newest application's candidate.
  const named = await prisma.jobApplication.findFirstOrThrow({
    where: { employerOrganizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { candidateProfile: { select: { lastName: true } } },
  });

  // The cursor of page 201 (after 200 pages of 20 rows), or as deep as a small run's list goes; found once.
  const listed = await prisma.jobApplication.count({ where: { employerOrganizationId: scope.organizationId } });
  const deepOffset = Math.max(0, Math.min(4000, listed - 21));
  const deepRow = await prisma.jobApplication.findFirstOrThrow({
    where: { employerOrganizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: deepOffset,
    select: { id: true, createdAt: true },
  });
  // The list's own cursor (lib/applications/list.ts encodeCursor): the default order and the row's keys.
  const deepCursor = Buffer.from(JSON.stringify(["date_desc", deepRow.createdAt.toISOString(), deepRow.id])).toString("base64url");

  // [name, run, target in ms on PostgreSQL (null = reference, not checked)]
  const measures: [string, () => Promise<unknown>, number | null][] = [
    ["rows: first page", () => findApplicationPage(scope, parseListFilters({})), 20],
    ["rows: page 201 by keyset", () => findApplicationPage(scope, parseListFilters({ after: deepCursor })), 20],
    ["rows: first page, NEW + PROCESSING", () => findApplicationPage(scope, parseListFilters({ status: ["NEW", "PROCESSING"] })), 20],
    [
      `reference — rows: page ${deepOffset / 20 + 1} by OFFSET ${deepOffset}`,
      () =>
        prisma.jobApplication.findMany({
          where: { employerOrganizationId: scope.organizationId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: deepOffset,
          take: 21,
          // What a list row shows (the page itself reads it in SQL: lib/applications/list.ts).
          select: {
            id: true,
            status: true,
            createdAt: true,
            candidateProfile: { select: { firstName: true, lastName: true } },
            senderUser: { select: { firstName: true, lastName: true } },
            senderOrganization: { select: { name: true } },
            handler: { select: { firstName: true, lastName: true } },
          },
        }),
      null,
    ],
    [
      "reference — counts per status, counted",
      () =>
        prisma.jobApplication.groupBy({ by: ["status"], where: { employerOrganizationId: scope.organizationId }, _count: { _all: true } }),
      null,
    ],
    // A filter as broad as the whole list (a period of two years): the counts stop at the cap.
    [
      "filtered counts, capped (10,000 per status)",
      () => countApplicationsByStatus(scope, Prisma.sql`a."createdAt" >= ${sqlTimestamp(new Date(Date.now() - 2 * 366 * 86_400_000))}`),
      100,
    ],
    ["counts per status (counter table)", () => readStatusCounts(scope, "active"), 5],
    ["whole list screen (rows + counts)", () => listApplications(scope, parseListFilters({})), 200],
    [
      "whole list screen, candidate name filter",
      () => listApplications(scope, parseListFilters({ candidate: named.candidateProfile.lastName })),
      100,
    ],
  ];
  let failed = false;
  const results = new Map<string, number>();
  console.log(`\n${"measure".padEnd(44)} ${"median ms".padStart(10)} ${"target".padStart(8)}`);
  for (const [name, fn, target] of measures) {
    const ms = await median(fn);
    results.set(name, ms);
    const limit = target === null ? null : target * factor;
    const miss = limit !== null && ms > limit;
    failed ||= miss;
    console.log(
      `${name.padEnd(44)} ${ms.toFixed(1).padStart(10)} ${limit === null ? "—".padStart(8) : String(limit).padStart(8)}${miss ? "  ← over target" : ""}`,
    );
  }
  // A "dirty" database: statusChanges status changes (back and forth, 1,000 per transaction, as
  // many small decisions would), no manual VACUUM; the counters must stay within 2 × fresh.
  const fresh = results.get("counts per status (counter table)")!;
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let done = 0; done < statusChanges; done += 1000) {
    const [from, to] = (done / 1000) % 2 ? ["PROCESSING", "POSTPONED"] : ["POSTPONED", "PROCESSING"];
    await client.query(
      `UPDATE "JobApplication" SET status = $2::"ApplicationStatus" WHERE id IN (
         SELECT id FROM "JobApplication" WHERE "employerOrganizationId" = $1 AND status = $3::"ApplicationStatus" LIMIT $4)`,
      [scope.organizationId, to, from, Math.min(1000, statusChanges - done)],
    );
  }
  await client.end();
  const dirty = await median(() => readStatusCounts(scope, "active"));
  const dirtyMiss = dirty > Math.max(fresh * 2, fresh + 1) * factor;
  failed ||= dirtyMiss;
  console.log(
    `${`counts after ${statusChanges.toLocaleString("en")} status changes`.padEnd(44)} ${dirty.toFixed(1).padStart(10)} ${`2×`.padStart(8)}${dirtyMiss ? "  ← over target" : ""}  (changes took ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );

  // The point of keyset pagination: a deep page costs what the first one does.
  const first = results.get("rows: first page")!;
  const deep = results.get("rows: page 201 by keyset")!;
  if (deep > first * 3 + 5) {
    failed = true;
    console.log(`keyset page 201 (${deep.toFixed(1)} ms) is much slower than page 1 (${first.toFixed(1)} ms)`);
  }
  return failed;
}

/** The statistics page's queries, after giving the scale applications their answers and decisions. */
async function benchStats(url: string, isEmbedded: boolean, orgs: ScaleOrganizations): Promise<boolean> {
  const factor = isEmbedded ? Number(process.env.BENCH_PGLITE_FACTOR ?? 5) : 1;
  process.env.DATABASE_URL = url;
  process.env.EMBEDDED_DATABASE = isEmbedded ? "1" : "0";
  const { organizationStats } = await import("../lib/stats/queries");
  const { periodChoices } = await import("../lib/stats/period");
  // The scale data carry the answers, decisions (events with their author) and refusal reasons the
  // figures read (prisma/scale-seed.ts): measured as loaded, without writes of the bench's own.
  // The figures are index-only scans, which read the heap for every page changed since the last
  // vacuum. The earlier parts of the bench change ~140,000 rows (decisions, 100,000 status
  // changes); in production, autovacuum at 2 % on these tables (migration
  // 20261129163500_autovacuum_big_tables) has processed them. A server with autovacuum off (this
  // workplace's) would not: the bench vacuums them itself there, and says so.
  if (!isEmbedded) {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ autovacuum: string }>("SHOW autovacuum");
    if (rows[0]?.autovacuum === "off") {
      const started = Date.now();
      await db.query(`VACUUM "JobApplication", "ApplicationEvent"`);
      console.log(
        `\n(autovacuum is off on this server: VACUUM of JobApplication and ApplicationEvent first, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    await db.end();
  }
  const choices = periodChoices();
  const employer = { organizationId: orgs.employer, organizationKind: "EMPLOYER" as const };
  const prescriber = { organizationId: orgs.prescriber, organizationKind: "PRESCRIBER" as const };
  const lastYear = choices.year[1]!;
  const measures: [string, () => Promise<unknown>, number][] = [
    [`employer, year ${lastYear.label}`, () => organizationStats(employer, lastYear), 1000],
    [`prescriber, year ${lastYear.label}`, () => organizationStats(prescriber, lastYear), 1000],
    [`employer, ${choices.quarter[1]!.label}`, () => organizationStats(employer, choices.quarter[1]!), 300],
    [`employer, ${choices.month[1]!.label}`, () => organizationStats(employer, choices.month[1]!), 100],
  ];
  const total = (await organizationStats(employer, lastYear)).total;
  console.log(`\nStatistiques (${total.toLocaleString("en")} applications in ${lastYear.label} for the employer)`);
  console.log(`${"measure".padEnd(44)} ${"median ms".padStart(10)} ${"target".padStart(8)}`);
  let failed = false;
  for (const [name, fn, target] of measures) {
    const ms = await median(fn);
    const limit = target * factor;
    const miss = ms > limit;
    failed ||= miss;
    console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(10)} ${String(limit).padStart(8)}${miss ? "  ← over target" : ""}`);
  }
  return failed;
}

/** Each export of the whole scale list in a child process of its own, so that its peak RSS is its own. */
async function benchExports(url: string, isEmbedded: boolean, orgs: ScaleOrganizations): Promise<boolean> {
  let failed = false;
  console.log(`\nExports of ${rows.toLocaleString("en")} applications (one process each)`);
  // The heap and external columns are the highest samples (every 100 ms) of process.memoryUsage().
  console.log(
    `${"format".padEnd(8)} ${"seconds".padStart(8)} ${"CPU s".padStart(6)} ${"MB out".padStart(7)} ${"RSS before MB".padStart(14)} ${"peak RSS MB".padStart(12)} ${"heap used".padStart(10)} ${"heap total".padStart(11)} ${"external".padStart(9)}`,
  );
  for (const format of ["xlsx", "csv"]) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/bench-export.ts", format, orgs.employer],
      { env: { ...process.env, DATABASE_URL: url, EMBEDDED_DATABASE: isEmbedded ? "1" : "0" }, maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
      bytes: number;
      ms: number;
      cpuMs: number;
      baselineRssMb: number;
      peakRssMb: number;
      peakMb: { heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
    };
    const seconds = result.ms / 1000;
    const miss = seconds > EXPORT_TARGET_SECONDS || result.peakRssMb > EXPORT_TARGET_RSS_MB;
    failed ||= miss;
    console.log(
      `${format.padEnd(8)} ${seconds.toFixed(1).padStart(8)} ${(result.cpuMs / 1000).toFixed(1).padStart(6)} ${(result.bytes / 1e6).toFixed(1).padStart(7)} ${result.baselineRssMb.toFixed(0).padStart(14)} ${result.peakRssMb.toFixed(0).padStart(12)} ${result.peakMb.heapUsed.toFixed(0).padStart(10)} ${result.peakMb.heapTotal.toFixed(0).padStart(11)} ${result.peakMb.external.toFixed(0).padStart(9)}${miss ? `  ← over ${EXPORT_TARGET_SECONDS} s or ${EXPORT_TARGET_RSS_MB} MB` : ""}`,
    );
  }
  return failed;
}

/**
 * Drains `emails` notifications through the real sender and SDK to the stand-in, the way the
 * worker's sweep does, and prints e-mails/s, duplicates (an e-mail the stand-in accepted twice)
 * and lost ones (never accepted).
 */
async function benchOutboxDrain(url: string, isEmbedded: boolean, stub: ResendStub): Promise<boolean> {
  process.env.DATABASE_URL = url;
  process.env.EMBEDDED_DATABASE = isEmbedded ? "1" : "0";
  const { prisma } = await import("../lib/db");
  const { deliverDueEmails } = await import("../lib/mail/sender");
  // The sender's own retry notes would drown the results.
  const warn = console.warn;
  console.warn = () => undefined;

  let failed = false;
  console.log(`\nOutbox drain: ${emails.toLocaleString("en")} e-mails, stand-in at 2 requests/s and 100 e-mails per batch`);
  console.log(
    `${"run".padEnd(24)} ${"e-mails/s".padStart(10)} ${"seconds".padStart(8)} ${"requests".padStart(9)} ${"429".padStart(5)} ${"dupl.".padStart(6)} ${"lost".padStart(5)}`,
  );
  for (const [name, failEvery] of [
    ["no failure", 0],
    ["10 % of calls 503", 10],
  ] as const) {
    await prisma.outboxEmail.deleteMany({});
    await prisma.mailDeliveryState.deleteMany({});
    stub.reset();
    if (failEvery)
      stub.handle((_request, index) =>
        index % failEvery === failEvery - 1 ? resendError(503, "application_error", "Service unavailable") : undefined,
      );
    const run = name.replace(/\W+/g, "-");
    for (let start = 0; start < emails; start += 1000) {
      await prisma.outboxEmail.createMany({
        data: Array.from({ length: Math.min(1000, emails - start) }, (_, offset) => ({
          to: `bench-${run}-${start + offset}@mail.test`,
          template: "application_received",
          subject: `Nouvelle candidature ${start + offset}`,
          text: "Une nouvelle candidature vous attend.",
          html: "<p>Une nouvelle candidature vous attend.</p>",
          idempotencyKey: `bench-${run}-${start + offset}`,
        })),
      });
    }

    const started = performance.now();
    for (;;) {
      await deliverDueEmails({ maxBatches: 10_000 });
      const next = await prisma.outboxEmail.findFirst({
        where: { status: "PENDING" },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      });
      if (!next) break;
      // A batch in backoff: wait until it is due, as the sweeper would.
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, next.nextAttemptAt.getTime() - Date.now())));
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = emails / seconds;
    const delivered = new Set(stub.delivered().map((email) => String(email.to)));
    const lost = emails - delivered.size;
    const duplicates = stub.duplicates();
    const miss = (!failEvery && rate < DRAIN_TARGET_PER_SECOND) || duplicates > 0 || lost > 0;
    failed ||= miss;
    console.log(
      `${name.padEnd(24)} ${rate.toFixed(1).padStart(10)} ${seconds.toFixed(1).padStart(8)} ${String(stub.requests.length).padStart(9)} ${String(stub.rateLimited()).padStart(5)} ${String(duplicates).padStart(6)} ${String(lost).padStart(5)}${miss ? `  ← ${failEvery ? "duplicates or losses" : `under ${DRAIN_TARGET_PER_SECOND}/s, or duplicates or losses`}` : ""}`,
    );
  }
  console.warn = warn;
  await stub.close();
  return failed;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
