import "server-only";
import { readRowsDirect } from "@/lib/read-db";
import { seesArchive, visibleApplicationsSql, type AccessScope } from "@/lib/access";
import type { ArchiveView } from "@/lib/applications/list-filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { APPLICATION_STATUSES, emptyStatusCounts, type ApplicationStatus } from "@/lib/status";
import { COUNT_CAP } from "@/lib/applications/count-cap";

export interface StatusCounts {
  counts: Record<ApplicationStatus, number>;
  /** Some count stopped at the cap: it says "at least" (lib/applications/count-cap.ts). */
  capped: boolean;
}

/**
 * Counts per status of the organisation's applications meeting `condition` (SQL on "JobApplication"
 * a), every status present (0 when none), each read no further than `cap` + 1 rows. The usual
 * filtered list (a name, a short period) has fewer matches than the cap: one query reads their
 * statuses. Past the cap, one statement counts each status no further than the cap. Straight from
 * the driver (lib/read-db.ts readRowsDirect).
 */
export async function countApplicationsByStatus(
  ctx: AccessScope,
  condition: Prisma.Sql = Prisma.sql`TRUE`,
  cap = COUNT_CAP,
): Promise<StatusCounts> {
  const visible = Prisma.sql`${visibleApplicationsSql(ctx)} AND ${condition}`;
  const counts = emptyStatusCounts();
  // Newest first, as the lists: the planner walks an (organisation, …, createdAt) index and stops at
  // the cap, rather than scanning the table for matches scattered through it.
  const rows = await readRowsDirect<{ status: ApplicationStatus }>(
    Prisma.sql`SELECT a.status::text AS status FROM "JobApplication" a WHERE ${visible} ORDER BY a."createdAt" DESC LIMIT ${cap + 1}`,
  );
  if (rows.length <= cap) {
    for (const row of rows) counts[row.status] += 1;
    return { counts, capped: false };
  }
  const [perStatus] = await readRowsDirect<Record<ApplicationStatus, number>>(
    Prisma.sql`SELECT ${Prisma.join(
      APPLICATION_STATUSES.map(
        (status) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM "JobApplication" a
          WHERE ${visible} AND a.status = ${status}::"ApplicationStatus" ORDER BY a."createdAt" DESC LIMIT ${cap + 1}) AS matched) AS ${Prisma.raw(`"${status}"`)}`,
      ),
    )}`,
  );
  APPLICATION_STATUSES.forEach((status) => (counts[status] = perStatus![status]));
  return { counts, capped: true };
}

/**
 * The applications of an archive view (issue 10), as SQL on "JobApplication" a: the employer's
 * lists, counters and dashboard show the active ones by default; the prescriber's view ignores
 * archiving (always everything). null: no condition.
 */
export function archiveViewSql(scope: AccessScope, view: ArchiveView): Prisma.Sql | null {
  if (!seesArchive(scope) || view === "all") return null;
  return view === "active" ? Prisma.sql`a."archivedAt" IS NULL` : Prisma.sql`a."archivedAt" IS NOT NULL`;
}
