import "server-only";
import { prisma } from "@/lib/db";
import { isPrescriber, visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { archiveViewWhere, countApplicationsByStatus } from "@/lib/applications/queries";
import type { ListFilters } from "@/lib/applications/list-filters";
import { endOfParisDay, parseCalendarDate, startOfParisDay } from "@/lib/calendar-date";

export const PAGE_SIZE = 20;

type Scope = AccessScope;

function encodeCursor(row: { createdAt: Date; id: string }) {
  return `${row.createdAt.toISOString()}_${row.id}`;
}
function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = cursor?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]+)$/);
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/** Every filter but status and cursor: the counters show each status under the other filters. */
function filtersWhere(scope: Scope, filters: ListFilters): Prisma.JobApplicationWhereInput {
  const and: Prisma.JobApplicationWhereInput[] = [visibleApplicationsWhere(scope), archiveViewWhere(scope, filters.archive)];
  if (filters.candidate) {
    for (const word of filters.candidate.split(/\s+/).slice(0, 4)) {
      and.push({
        // The sender's record: a prescriber searches its own names, an employer what it was sent.
        candidateProfile: {
          OR: [{ firstName: { contains: word, mode: "insensitive" } }, { lastName: { contains: word, mode: "insensitive" } }],
        },
      });
    }
  }
  // Side-specific filters apply only where they make sense; ids outside the scope match nothing.
  if (isPrescriber(scope)) {
    if (filters.sender) and.push({ senderUserId: filters.sender });
    if (filters.employer) and.push({ employerOrganizationId: filters.employer });
  } else {
    if (filters.prescriberOrganization) and.push({ senderOrganizationId: filters.prescriberOrganization });
    if (filters.handler) and.push(filters.handler === "none" ? { handlerId: null } : { handlerId: filters.handler });
  }
  // Days as users in France mean them: "from" starts at 00:00 in Paris, "to" includes the whole Paris day.
  const sentFrom = filters.sentFrom ? parseCalendarDate(filters.sentFrom) : null;
  const sentTo = filters.sentTo ? parseCalendarDate(filters.sentTo) : null;
  if (sentFrom) and.push({ createdAt: { gte: startOfParisDay(sentFrom) } });
  if (sentTo) and.push({ createdAt: { lt: endOfParisDay(sentTo) } });
  return { AND: and };
}

/** Every filter of the list, status included, without the page cursor (e.g. for the CSV export). */
export function listWhere(scope: Scope, filters: ListFilters): Prisma.JobApplicationWhereInput {
  return { AND: [filtersWhere(scope, filters), filters.status.length ? { status: { in: filters.status } } : {}] };
}

export const listRowSelect = {
  id: true,
  status: true,
  createdAt: true,
  jobTitle: true,
  // Never the person's shared row: the names the sending organisation typed for this application.
  candidateProfile: { select: { candidateId: true, firstName: true, lastName: true } },
  senderUser: { select: { id: true, firstName: true, lastName: true } },
  senderOrganization: { select: { id: true, name: true } },
  employerOrganization: { select: { id: true, name: true, city: true } },
  handler: { select: { id: true, firstName: true, lastName: true } },
  // Shown as "Archivée" in the employer's "Toutes" view.
  archivedAt: true,
} satisfies Prisma.JobApplicationSelect;
export type ApplicationListRow = Prisma.JobApplicationGetPayload<{ select: typeof listRowSelect }>;

/**
 * One page of the organisation's applications, newest first, with keyset pagination on
 * (createdAt, id) — never OFFSET, whose cost grows with the page number.
 * `after` pages forward (older rows); `before` pages back (newer rows; `after` wins if both).
 */
export async function findApplicationPage(scope: Scope, filters: ListFilters) {
  const after = decodeCursor(filters.after);
  const before = after ? null : decodeCursor(filters.before);
  const keyset = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
    : before
      ? { OR: [{ createdAt: { gt: before.createdAt } }, { createdAt: before.createdAt, id: { gt: before.id } }] }
      : {};
  const where: Prisma.JobApplicationWhereInput = {
    AND: [filtersWhere(scope, filters), filters.status.length ? { status: { in: filters.status } } : {}, keyset],
  };
  // Paging back reads the rows just above the cursor (ascending), then shows them newest first.
  const direction = before ? "asc" : "desc";
  const rows = await prisma.jobApplication.findMany({
    where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: PAGE_SIZE + 1,
    select: listRowSelect,
  });
  const hasMore = rows.length > PAGE_SIZE;
  const page = hasMore ? rows.slice(0, PAGE_SIZE) : rows;
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: page,
    // Going back, the page we came from is always further on.
    nextCursor: last && (before || hasMore) ? encodeCursor(last) : null,
    previousCursor: first && (after || (before && hasMore)) ? encodeCursor(first) : null,
  };
}

/**
 * What a list screen shows: the page of rows, plus the counts per status under the same
 * filters (status and cursor aside) — one query for the rows, one for the counts, and one more
 * for the active counts when the employer looks at archived applications.
 */
export async function listApplications(scope: Scope, filters: ListFilters) {
  const activeView = filters.archive === "active";
  const [page, counts, activeCounts] = await Promise.all([
    findApplicationPage(scope, filters),
    countApplicationsByStatus(scope, filtersWhere(scope, filters)),
    // The work queues ("À traiter", "En attente") count active applications whatever the view.
    activeView ? null : countApplicationsByStatus(scope, filtersWhere(scope, { ...filters, archive: "active" })),
  ]);
  return { ...page, counts, activeCounts: activeCounts ?? counts };
}
