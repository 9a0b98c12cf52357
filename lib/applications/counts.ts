import "server-only";
import { withPreparedStatements, type PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRowsDirect } from "@/lib/read-db";
import { isPrescriber, type AccessScope } from "@/lib/access";
import type { ArchiveView } from "@/lib/applications/list-filters";
import type { Job } from "@/lib/jobs/types";
import { emptyStatusCounts, type ApplicationStatus } from "@/lib/status";

/**
 * Counts per status from the counter table (ApplicationCount, kept by a trigger in the writer's
 * transaction: prisma/schema.prisma says which): a few rows per organisation, whatever the number
 * of applications. The prescriber's side ignores archiving; the employer's reads the view asked.
 * Prepared (lib/db.ts withPreparedStatements): a few rows whatever the organisation's size.
 */
export async function readStatusCounts(scope: AccessScope, view: ArchiveView): Promise<Record<ApplicationStatus, number>> {
  const archived = isPrescriber(scope) || view === "all" ? undefined : view === "archived";
  const rows = await withPreparedStatements(() =>
    readRowsDirect<{ status: ApplicationStatus; count: number }>(
      Prisma.sql`SELECT status::text AS status, count FROM "ApplicationCount"
        WHERE "organizationId" = ${scope.organizationId} AND side = ${scope.organizationKind}::"OrganizationKind"
        ${archived === undefined ? Prisma.empty : Prisma.sql`AND archived = ${archived}`}`,
    ),
  );
  const counts = emptyStatusCounts();
  for (const row of rows) counts[row.status] += row.count;
  return counts;
}

/**
 * The daily check: recounts every organisation's applications and corrects each counter by its
 * drift. One statement, so the recount and the counters are read in one snapshot, and the
 * correction is added to the counter (never written over it): a decision committed meanwhile
 * moved both the truth and the counter, and stays counted. Also adds any missing filter choice.
 */
export async function repairApplicationCounts(db: PrismaClient) {
  const repaired = await db.$executeRaw`
    WITH truth AS (
      SELECT "employerOrganizationId" AS org, 'EMPLOYER'::"OrganizationKind" AS side, "status", "archivedAt" IS NOT NULL AS archived, count(*)::int AS n
      FROM "JobApplication" GROUP BY 1, 3, 4
      UNION ALL
      SELECT "senderOrganizationId", 'PRESCRIBER'::"OrganizationKind", "status", "archivedAt" IS NOT NULL, count(*)::int
      FROM "JobApplication" GROUP BY 1, 3, 4
    ), drift AS (
      SELECT coalesce(t.org, c."organizationId") AS org, coalesce(t.side, c."side") AS side, coalesce(t."status", c."status") AS status,
             coalesce(t.archived, c."archived") AS archived, coalesce(t.n, 0) - coalesce(c."count", 0) AS delta
      FROM truth t FULL OUTER JOIN "ApplicationCount" c
        ON c."organizationId" = t.org AND c."side" = t.side AND c."status" = t."status" AND c."archived" = t.archived
      WHERE coalesce(t.n, 0) <> coalesce(c."count", 0)
    )
    INSERT INTO "ApplicationCount" ("organizationId", "side", "status", "archived", "count")
    SELECT org, side, status, archived, delta FROM drift
    ON CONFLICT ("organizationId", "side", "status", "archived") DO UPDATE SET "count" = "ApplicationCount"."count" + EXCLUDED."count"`;
  const senders = await db.$executeRaw`
    INSERT INTO "EmployerSender" SELECT DISTINCT "employerOrganizationId", "senderOrganizationId" FROM "JobApplication"
    ON CONFLICT DO NOTHING`;
  const handlers = await db.$executeRaw`
    INSERT INTO "EmployerHandler" SELECT DISTINCT "employerOrganizationId", "handlerId" FROM "JobApplication" WHERE "handlerId" IS NOT NULL
    ON CONFLICT DO NOTHING`;
  const senderUsers = await db.$executeRaw`
    INSERT INTO "OrganizationSender" SELECT DISTINCT "senderOrganizationId", "senderUserId" FROM "JobApplication"
    ON CONFLICT DO NOTHING`;
  if (repaired + senders + handlers + senderUsers > 0)
    console.warn(
      `[counts] repaired ${repaired} counter(s), ${senders} sender choice(s), ${handlers} handler choice(s), ${senderUsers} sending-user choice(s)`,
    );
  return { countersRepaired: repaired, senderChoicesAdded: senders, handlerChoicesAdded: handlers, senderUserChoicesAdded: senderUsers };
}

export const applicationCountsJob: Job = {
  name: "application-counts",
  description: "recounts every organisation's applications per status and repairs any counter that drifted",
  run: ({ db }) => repairApplicationCounts(db),
};
