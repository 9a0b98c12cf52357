import { afterEach, describe, expect, it } from "vitest";
import { prisma, queryRowsDirect, withPreparedStatements, writeTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createStatementNamer } from "@/prisma/client";
import { env } from "@/lib/env";
import { findApplicationPage } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("queryRowsDirect", () => {
  it("reads rows as Prisma's $queryRaw does, whatever the process's time zone", async () => {
    const query = Prisma.sql`
      SELECT x.id, '2026-03-29 00:30:00.123'::timestamp(3) AS "sentAt", '2026-03-02'::date AS "startsOn",
             NULL::date AS "endsOn", json_build_object('title', x.id, 'n', 2) AS job, x.id = ${"b"} AS chosen
      FROM unnest(${["a", "b"]}::text[]) AS x(id) ORDER BY x.id`;
    // Far from UTC, and on the night the clocks change in Paris: a local parse would shift every date.
    process.env.TZ = "Pacific/Auckland";
    const direct = await queryRowsDirect(query);
    const throughPrisma = await prisma.$queryRaw(query);
    expect(direct).toEqual(throughPrisma);
    expect(direct[0]).toEqual({
      id: "a",
      sentAt: new Date("2026-03-29T00:30:00.123Z"),
      startsOn: new Date("2026-03-02T00:00:00.000Z"),
      endsOn: null,
      job: { title: "a", n: 2 },
      chosen: false,
    });
  });
});

describe("prepared statements (issue 12: parsing and planning were most of a small read's time)", () => {
  // The embedded PGlite runs every connection in one session, where a second connection preparing
  // the same name would fail: there, nothing is named.
  const embedded = env.EMBEDDED_DATABASE === "1";
  // The names this connection has prepared for texts like `pattern`: pg_prepared_statements is per
  // connection (and lists no unnamed statement), and the pool hands sequential queries the
  // connection it just got back.
  const preparedLike = (pattern: string) =>
    queryRowsDirect<{ name: string }>(
      Prisma.sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE ${pattern} AND statement NOT LIKE '%pg_prepared_statements%'`,
    );

  it("prepares a direct read inside withPreparedStatements (not on the embedded database), and runs it again with other values", async () => {
    const read = (n: number) => queryRowsDirect<{ n: number }>(Prisma.sql`SELECT ${n}::int + 1 AS "preparedRead"`);
    for (let n = 0; n < 7; n++) expect(await withPreparedStatements(() => read(n))).toEqual([{ preparedRead: n + 1 }]);
    const names = await preparedLike(`%"preparedRead"%`);
    expect(names).toHaveLength(embedded ? 0 : 1);
    if (!embedded) expect(names[0]!.name).toMatch(/^s_/);
  });

  it("plans every other read for its own values: unnamed", async () => {
    for (let n = 0; n < 3; n++) await queryRowsDirect(Prisma.sql`SELECT ${n}::int AS "unpreparedRead"`);
    await prisma.user.findFirst({ where: { email: "unprepared@example.test" }, select: { id: true } });
    expect(await preparedLike(`%"unpreparedRead"%`)).toEqual([]);
    expect(await preparedLike(`%"email" = $1%`)).toEqual([]);
  });

  it("prepares Prisma's queries inside withPreparedStatements, in a transaction too", async () => {
    await withPreparedStatements(() => prisma.organization.findFirst({ where: { siret: "00000000000000" }, select: { id: true } }));
    expect((await preparedLike(`%"siret" = $1%`)).length > 0).toBe(!embedded);
    await withPreparedStatements(() =>
      writeTransaction((tx) => tx.organization.findFirst({ where: { contactPhone: "0000000000" }, select: { id: true } })),
    );
    expect((await preparedLike(`%"contactPhone" = $1%`)).length > 0).toBe(!embedded);
  });

  it("prepares the unfiltered list by date, and plans a list by status or by name for its own values", async () => {
    // An organisation of its own: the statements are the same whatever the rows.
    const scope = { organizationId: "prepared-list-org", organizationKind: "EMPLOYER" as const, userId: "prepared-list-user" };
    const rowsStatement = `%AS candidate%FROM "JobApplication" a%"employerOrganizationId" = $1%`;
    await findApplicationPage(scope, parseListFilters({ status: "REFUSED" }));
    await findApplicationPage(scope, parseListFilters({ sort: "name_asc" }));
    expect(await preparedLike(rowsStatement)).toEqual([]);
    await findApplicationPage(scope, parseListFilters({}));
    expect(await preparedLike(rowsStatement)).toHaveLength(embedded ? 0 : 1);
  });

  it("names a text the same way in every copy, and stops naming past its cap", () => {
    const one = createStatementNamer(2);
    const another = createStatementNamer(2);
    expect(one("SELECT 1")).toBe(another("SELECT 1"));
    expect(one("SELECT 2")).not.toBe(one("SELECT 1"));
    // Full: a new text runs unnamed, the known ones keep their names.
    expect(one("SELECT 3")).toBeUndefined();
    expect(one("SELECT 1")).toBe(another("SELECT 1"));
  });
});
