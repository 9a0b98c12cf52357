import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ownMemberOfApplicationSql, visibleApplicationsSql, type AccessScope } from "@/lib/access";
import { sqlTimestamp } from "@/lib/db";
import { emptyStatusCounts, isStatus, PENDING_STATUSES, type ApplicationStatus, type RefusalReason } from "@/lib/status";
import { periodMonths, type StatsPeriod } from "@/lib/stats/period";

/**
 * "Statistiques" (issue 14): the organisation's figures over a period, from four SQL queries on
 * the applications it may see (lib/access.ts), all sent in the period. Each reads only the index on
 * (organisation, createdAt) of its side, which carries every column the figures need.
 */

export interface MonthCounts {
  month: string;
  label: string;
  counts: Record<ApplicationStatus, number>;
}
export interface MemberFigures {
  userId: string;
  firstName: string;
  lastName: string;
  total: number;
  accepted: number;
  refused: number;
  pending: number;
  firstAnswerDays: number | null;
}
export interface OrganizationStats {
  months: MonthCounts[];
  total: number;
  accepted: number;
  /** Applications answered (processedAt set), and the median days from sending to that first answer. */
  answered: number;
  firstAnswerDays: number | null;
  /** Applications accepted or refused by the employer's team, and the median days to that decision. */
  decided: number;
  decisionDays: number | null;
  refusalReasons: { reason: RefusalReason; count: number }[];
  members: MemberFigures[];
}

// Timestamps are stored as UTC without a zone: months are counted as Paris has them.
const PARIS_MONTH = Prisma.sql`to_char((a."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`;
const DAYS = (from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`extract(epoch from (${to} - ${from})) / 86400`;
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const STATS_TRANSACTION_OPTIONS = { timeout: 30_000 };

export async function organizationStats(scope: AccessScope, period: StatsPeriod): Promise<OrganizationStats> {
  const where = Prisma.sql`${visibleApplicationsSql(scope)} AND a."createdAt" >= ${sqlTimestamp(period.from)} AND a."createdAt" < ${sqlTimestamp(period.to)}`;
  const member = ownMemberOfApplicationSql(scope);
  const pending = Prisma.join(PENDING_STATUSES.map((status) => Prisma.sql`${status}::"ApplicationStatus"`));
  const decided = Prisma.sql`a.status IN ('ACCEPTED', 'REFUSED', 'CANCELLED')`;

  // One transaction, without JIT: compiling these short aggregates cost PostgreSQL more (0.7 s on a
  // year of 100,000 applications in the bench) than running them. Prisma ends a transaction after
  // 5 s by default: the biggest employer's year, read cold on a slow machine, took 9 s, and the
  // page failed instead of answering late.
  const [, byMonth, [answers], reasons, members] = await prisma.$transaction(
    [
      prisma.$executeRaw`SET LOCAL jit = off`,
      prisma.$queryRaw<{ month: string; status: string; count: number }[]>`
      SELECT ${PARIS_MONTH} AS month, a.status::text AS status, count(*)::int AS count
      FROM "JobApplication" a WHERE ${where} GROUP BY 1, 2`,
      // The first answer, and the first decision: the team's own accept or refuse (the automatic
      // refusal is not an answer), kept on the application by the transitions (decidedAt).
      prisma.$queryRaw<{ answered: number; firstAnswerDays: unknown; decided: number; decisionDays: unknown }[]>`
      SELECT count(a."processedAt")::int AS answered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS(Prisma.sql`a."createdAt"`, Prisma.sql`a."processedAt"`)}) AS "firstAnswerDays",
             count(a."decidedAt") FILTER (WHERE ${decided})::int AS decided,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS(Prisma.sql`a."createdAt"`, Prisma.sql`a."decidedAt"`)}) FILTER (WHERE ${decided}) AS "decisionDays"
      FROM "JobApplication" a WHERE ${where}`,
      prisma.$queryRaw<{ reason: RefusalReason; count: number }[]>`
      SELECT a."refusalReason"::text AS reason, count(*)::int AS count
      FROM "JobApplication" a WHERE ${where} AND a.status = 'REFUSED' AND a."refusalReason" IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1`,
      // Only people who belong (or belonged) to the organisation: its own members.
      prisma.$queryRaw<(Omit<MemberFigures, "firstAnswerDays"> & { firstAnswerDays: unknown })[]>`
      SELECT u.id AS "userId", u."firstName", u."lastName", count(*)::int AS total,
             count(*) FILTER (WHERE a.status = 'ACCEPTED')::int AS accepted,
             count(*) FILTER (WHERE a.status = 'REFUSED')::int AS refused,
             count(*) FILTER (WHERE a.status IN (${pending}))::int AS pending,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS(Prisma.sql`a."createdAt"`, Prisma.sql`a."processedAt"`)}) AS "firstAnswerDays"
      FROM "JobApplication" a
      JOIN "User" u ON u.id = ${member}
      JOIN "Membership" m ON m."userId" = u.id AND m."organizationId" = ${scope.organizationId}
      WHERE ${where}
      GROUP BY u.id ORDER BY total DESC, u."lastName", u."firstName"`,
    ],
    STATS_TRANSACTION_OPTIONS,
  );

  const months = periodMonths(period).map(({ key, label }) => ({ month: key, label, counts: emptyStatusCounts() }));
  const monthIndex = new Map(months.map((month) => [month.month, month]));
  let total = 0;
  for (const row of byMonth) {
    const month = monthIndex.get(row.month);
    if (!month || !isStatus(row.status)) continue;
    month.counts[row.status] += row.count;
    total += row.count;
  }
  return {
    months,
    total,
    accepted: months.reduce((sum, month) => sum + month.counts.ACCEPTED, 0),
    answered: answers?.answered ?? 0,
    firstAnswerDays: number(answers?.firstAnswerDays),
    decided: answers?.decided ?? 0,
    decisionDays: number(answers?.decisionDays),
    refusalReasons: reasons,
    members: members.map((row) => ({ ...row, firstAnswerDays: number(row.firstAnswerDays) })),
  };
}
