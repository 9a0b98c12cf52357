import { afterEach, describe, expect, it } from "vitest";
import { prisma, queryRowsDirect } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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
