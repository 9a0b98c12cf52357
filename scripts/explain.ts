/**
 * The plans of the hot queries (README, "Performances"), on a database seeded by
 * `npm run db:seed:scale`: each screen's queries are run once through the app's own code with
 * Prisma's query log on, then each distinct SQL is shown with EXPLAIN (ANALYZE, BUFFERS).
 *
 * DATABASE_URL=postgresql://…/<scale database> npm run bench:explain
 */
import pg from "pg";
import { createPrismaClient, poolOf } from "../prisma/client";
import { BENCH_USERS } from "../prisma/scale-seed";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");

// Every statement on the app's pool, Prisma's and the direct reads' (lib/db.ts queryRowsDirect) alike.
type Logged = { query: string; values: unknown[] };
const logged: Logged[] = [];
const client = createPrismaClient(url);
const pool = poolOf(client);
const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
pool.query = ((...args: unknown[]) => {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (typeof config === "string") logged.push({ query: config, values: values ?? [] });
  else logged.push({ query: config.text, values: config.values ?? [] });
  return query(...args);
}) as typeof pool.query;
(globalThis as unknown as { prisma?: typeof client }).prisma = client;

async function main() {
  const { readStatusCounts } = await import("../lib/applications/counts");
  const { findApplicationPage, listApplications } = await import("../lib/applications/list");
  const { parseListFilters } = await import("../lib/applications/list-filters");
  const { readFilterChoices, searchFilterChoices } = await import("../lib/applications/filter-choices");
  const membership = await client.membership.findFirstOrThrow({ where: { user: { email: BENCH_USERS.employer } } });
  const scope = { organizationId: membership.organizationId, organizationKind: "EMPLOYER" as const, userId: membership.userId };
  const named = await client.jobApplication.findFirstOrThrow({
    where: { employerOrganizationId: scope.organizationId },
    orderBy: { createdAt: "desc" },
    select: { candidateProfile: { select: { lastName: true } } },
  });
  // The last row of page 200 of the active list: the cursor of the deep page.
  const deep = await client.jobApplication.findFirstOrThrow({
    where: { employerOrganizationId: scope.organizationId, archivedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: 199 * 20 - 1,
    select: { id: true, createdAt: true },
  });
  const after = Buffer.from(JSON.stringify(["date_desc", deep.createdAt.toISOString(), deep.id])).toString("base64url");
  const screens: [string, () => Promise<unknown>][] = [
    ["counters (dashboard, list)", () => readStatusCounts(scope, "active")],
    ["list, first page", () => findApplicationPage(scope, parseListFilters({}))],
    ["list, page 200 by keyset", () => findApplicationPage(scope, parseListFilters({ after }))],
    ["list, one status", () => findApplicationPage(scope, parseListFilters({ status: "NEW" }))],
    [
      "list, candidate name (rows and counts)",
      () => listApplications(scope, parseListFilters({ candidate: named.candidateProfile.lastName })),
    ],
    [
      "filter choices: prescriber organisations (too many: counted up to the threshold)",
      () => readFilterChoices(scope, "prescriberOrganization"),
    ],
    ["filter choices: prescriber organisations, searched", () => searchFilterChoices(scope, "prescriberOrganization", "prescripteur 12")],
    ["filter choices: handlers", () => readFilterChoices(scope, "handler")],
  ];
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  for (const [name, run] of screens) {
    logged.length = 0;
    await run();
    for (const { query, values } of [...logged]) {
      // Twice, the second shown: a server's connections have their catalog caches warm, and the
      // first statement on a new connection pays for loading them in its planning time.
      await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, values);
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, values);
      console.log(`\n### ${name}\n\n${query.replace(/"public"\./g, "")}\n`);
      for (const row of plan.rows as { "QUERY PLAN": string }[]) console.log(row["QUERY PLAN"]);
    }
  }
  await db.end();
  await client.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
