/**
 * `npm run bench`: the dashboards' list query on many rows (BENCH_ROWS, default 200 000) in a
 * fresh database — `<name>_bench` on the DATABASE_URL server, else an in-memory PGlite. Prints
 * the median of each measure and fails when one misses its target. Keyset pagination must keep
 * a deep page as cheap as the first, where OFFSET grows with the page number.
 */
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate-deploy";
import { seedScaleData, SCALE_ORGS } from "../prisma/scale-seed";
import { recreateDatabase } from "../test/global-setup";

const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);

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

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let url: string;
  if (process.env.DATABASE_URL) {
    url = await recreateDatabase(process.env.DATABASE_URL, "bench");
  } else {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  }
  // Targets in ms on PostgreSQL; PGlite (single-threaded WebAssembly) gets BENCH_PGLITE_FACTOR times more.
  const factor = embedded ? Number(process.env.BENCH_PGLITE_FACTOR ?? 5) : 1;
  await applyMigrations(url);
  console.log(`Seeding ${rows.toLocaleString("en")} applications…`);
  await seedScaleData(url, rows);

  process.env.DATABASE_URL = url;
  process.env.EMBEDDED_DATABASE = embedded ? "1" : "0";
  const { findApplicationPage, listApplications, listRowSelect } = await import("../lib/applications/list");
  const { countApplicationsByStatus } = await import("../lib/applications/queries");
  const { parseListFilters } = await import("../lib/applications/list-filters");
  const { prisma } = await import("../lib/db");
  const scope = { organizationId: SCALE_ORGS.employer, organizationKind: "EMPLOYER" as const };

  // The cursor of page 201 (after 200 pages of 20 rows), found once.
  const deepRow = await prisma.jobApplication.findFirstOrThrow({
    where: { employerOrganizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: 4000,
    select: { id: true, createdAt: true },
  });
  const deepCursor = `${deepRow.createdAt.toISOString()}_${deepRow.id}`;

  // [name, run, target in ms on PostgreSQL (null = reference, not checked)]
  const measures: [string, () => Promise<unknown>, number | null][] = [
    ["rows: first page", () => findApplicationPage(scope, parseListFilters({})), 20],
    ["rows: page 201 by keyset", () => findApplicationPage(scope, parseListFilters({ after: deepCursor })), 20],
    ["rows: first page, NEW + PROCESSING", () => findApplicationPage(scope, parseListFilters({ status: ["NEW", "PROCESSING"] })), 20],
    [
      "reference — rows: page 201 by OFFSET 4000",
      () =>
        prisma.jobApplication.findMany({
          where: { employerOrganizationId: scope.organizationId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: 4000,
          take: 21,
          select: listRowSelect,
        }),
      null,
    ],
    ["counts per status", () => countApplicationsByStatus(scope), 150],
    ["whole list screen (rows + counts)", () => listApplications(scope, parseListFilters({})), 200],
    ["whole list screen, candidate name filter", () => listApplications(scope, parseListFilters({ candidate: "Nom42" })), 500],
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
  // The point of keyset pagination: a deep page costs what the first one does.
  const first = results.get("rows: first page")!;
  const deep = results.get("rows: page 201 by keyset")!;
  if (deep > first * 3 + 5) {
    failed = true;
    console.log(`keyset page 201 (${deep.toFixed(1)} ms) is much slower than page 1 (${first.toFixed(1)} ms)`);
  }
  await prisma.$disconnect();
  await embedded?.stop();
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
