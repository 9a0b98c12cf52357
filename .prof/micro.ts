import { findApplicationPage } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { readStatusCounts } from "@/lib/applications/counts";
import { readFilterChoices } from "@/lib/applications/filter-choices";
import { prisma, queryRowsDirect } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const scope = { organizationId: "bench-org-1501", organizationKind: "EMPLOYER" as const, userId: "x", role: "ADMIN" as const };
async function time(name: string, fn: () => Promise<unknown>, n = 400) {
  for (let i = 0; i < 100; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(c0); const t = performance.now() - t0;
  console.log(`${name.padEnd(40)} cpu ${((c.user + c.system) / 1000 / n).toFixed(3)} ms  wall ${(t / n).toFixed(3)} ms`);
}
const filters = parseListFilters({});
const sql = Prisma.sql`SELECT a.id, a.status::text AS status, a."createdAt", a."jobTitle", a.spontaneous, a."archivedAt",
  p."firstName" AS "candidateFirstName", p."lastName" AS "candidateLastName",
  su."firstName" AS "senderFirstName", su."lastName" AS "senderLastName", so.name AS "senderOrganizationName",
  h."firstName" AS "handlerFirstName", h."lastName" AS "handlerLastName",
  (SELECT json_agg(json_build_object('title', j.title, 'contractType', j."contractType")) FROM "ApplicationJob" aj JOIN "JobDescription" j ON j.id = aj."jobDescriptionId" WHERE aj."applicationId" = a.id) AS jobs
  FROM "JobApplication" a
  JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"
  JOIN "User" su ON su.id = a."senderUserId" JOIN "Organization" so ON so.id = a."senderOrganizationId"
  LEFT JOIN "User" h ON h.id = a."handlerId"
  WHERE a."employerOrganizationId" = ${scope.organizationId} AND a."archivedAt" IS NULL
  ORDER BY a."createdAt" DESC, a.id DESC LIMIT 21`;
await time("prisma findApplicationPage", () => findApplicationPage(scope, filters));
await time("direct rows sql", () => queryRowsDirect(sql));
await time("readStatusCounts (direct)", () => readStatusCounts(scope, "active"));
await time("applicationCount prisma findMany", () => prisma.applicationCount.findMany({ where: { organizationId: scope.organizationId, side: "EMPLOYER", archived: false }, select: { status: true, count: true } }));
await time("readFilterChoices (direct)", () => readFilterChoices(scope, "handler"));
await time("prisma user findUnique", () => prisma.user.findFirst({ where: { email: "bench-employer@bench.test" }, select: { id: true } }));
await time("direct user", () => queryRowsDirect(Prisma.sql`SELECT id FROM "User" WHERE email = ${"bench-employer@bench.test"}`));
await prisma.$disconnect();
process.exit(0);
