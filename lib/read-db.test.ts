/**
 * The read replica (issue 12): with DATABASE_REPLICA_URL, the read-only screens' queries go to the
 * replica; right after a person's write (the cookie set by readYourWrites), theirs go to the
 * primary, so they never see the state before their own decision. The "replica" here is a second,
 * migrated database that the test keeps behind on purpose.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { prisma } from "@/lib/db";
import { applyMigrations } from "@/prisma/migrate-deploy";
import { emptyDatabase } from "@/test/databases";
import { createApplication, createCandidate, createScenario } from "@/test/fixtures";
import { fire } from "@/lib/applications/transitions-test-utils";

// The request's cookies, as next/headers gives them to a page or an action.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    has: (name: string) => jar.has(name),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

let replica: Awaited<ReturnType<typeof emptyDatabase>>;
let readDb: typeof import("@/lib/read-db");
let counts: typeof import("@/lib/applications/counts");
let list: typeof import("@/lib/applications/list");
let filters: typeof import("@/lib/applications/list-filters");

beforeAll(async () => {
  replica = await emptyDatabase();
  await applyMigrations(replica.url);
  // lib/env.ts reads the environment once: the modules under test are loaded again with the replica set.
  vi.stubEnv("DATABASE_REPLICA_URL", replica.url);
  vi.resetModules();
  readDb = await import("@/lib/read-db");
  counts = await import("@/lib/applications/counts");
  list = await import("@/lib/applications/list");
  filters = await import("@/lib/applications/list-filters");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  // The replica's own client only: the primary one is this worker's, shared with other files.
  jar.clear();
  const extended = (await readDb.readDb()) as unknown as { $replica(): { $disconnect(): Promise<void> } };
  await extended.$replica().$disconnect();
  await replica.drop();
});

describe("read replica", () => {
  it("reads the read-only screens from the replica, and the acting member's next pages from the primary", async () => {
    const s = await createScenario();
    const candidate = await createCandidate();
    const application = await createApplication({
      candidateId: candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
    });
    // What the replica has so far: the application, not yet studied (a replica that lags).
    const lagging = new pg.Client({ connectionString: replica.url });
    await lagging.connect();
    await lagging.query(
      `INSERT INTO "ApplicationCount" ("organizationId", side, status, archived, count) VALUES ($1, 'EMPLOYER', 'NEW', false, 1)`,
      [s.employerOrg.id],
    );
    await lagging.end();

    // The member studies it: the primary has it PROCESSING.
    expect(await fire("process", s.employer.ctx, application.id, "NEW")).toMatchObject({ ok: true });
    expect(
      await prisma.applicationCount.findMany({ where: { organizationId: s.employerOrg.id, side: "EMPLOYER", count: { gt: 0 } } }),
    ).toEqual([expect.objectContaining({ status: "PROCESSING", count: 1 })]);

    // Someone else (no cookie): the replica's state — the replica path is taken.
    jar.clear();
    expect(await counts.readStatusCounts(s.employer.ctx, "active")).toMatchObject({ NEW: 1, PROCESSING: 0 });
    expect((await list.findApplicationPage(s.employer.ctx, filters.parseListFilters({}))).rows).toEqual([]);

    // The member who acted: their action set the cookie; their pages read the primary.
    await readDb.readYourWrites();
    expect(jar.has(readDb.READ_PRIMARY_COOKIE)).toBe(true);
    expect(await counts.readStatusCounts(s.employer.ctx, "active")).toMatchObject({ NEW: 0, PROCESSING: 1 });
    expect((await list.findApplicationPage(s.employer.ctx, filters.parseListFilters({}))).rows.map((row) => row.status)).toEqual([
      "PROCESSING",
    ]);
  });
});
