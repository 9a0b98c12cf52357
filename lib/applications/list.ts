import "server-only";
import { readDb } from "@/lib/read-db";
import { isPrescriber, visibleApplicationsWhere, type AccessScope } from "@/lib/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { archiveViewWhere, countApplicationsByStatus, type StatusCounts } from "@/lib/applications/queries";
import { readStatusCounts } from "@/lib/applications/counts";
import { DEFAULT_LIST_SORT, PAGE_SIZE, type ListFilters, type ListSort } from "@/lib/applications/list-filters";
import { APPLICATION_STATUSES, isStatus, type ApplicationStatus } from "@/lib/status";
import { endOfParisDay, parseCalendarDate, startOfParisDay } from "@/lib/calendar-date";

// One page of the lists; also the most a batch decision takes (client-safe, in list-filters.ts).
export { PAGE_SIZE };

type Scope = AccessScope;

type Direction = "asc" | "desc";
type SortField = "createdAt" | "id" | "lastName" | "firstName" | "status";
type SortValue = string | Date;
type SortKey = { field: SortField; direction: Direction };

/**
 * Each order of the lists as a chain of keys, ending with ones that make it total (createdAt, id):
 * rows with equal names or statuses keep a stable order across pages. Within a name or a status,
 * the newest come first whatever the direction, as on the default list.
 */
const SORT_KEYS: Record<ListSort, SortKey[]> = {
  date_desc: [
    { field: "createdAt", direction: "desc" },
    { field: "id", direction: "desc" },
  ],
  date_asc: [
    { field: "createdAt", direction: "asc" },
    { field: "id", direction: "asc" },
  ],
  name_asc: [
    { field: "lastName", direction: "asc" },
    { field: "firstName", direction: "asc" },
    { field: "createdAt", direction: "desc" },
    { field: "id", direction: "desc" },
  ],
  name_desc: [
    { field: "lastName", direction: "desc" },
    { field: "firstName", direction: "desc" },
    { field: "createdAt", direction: "desc" },
    { field: "id", direction: "desc" },
  ],
  status_asc: [
    { field: "status", direction: "asc" },
    { field: "createdAt", direction: "desc" },
    { field: "id", direction: "desc" },
  ],
  status_desc: [
    { field: "status", direction: "desc" },
    { field: "createdAt", direction: "desc" },
    { field: "id", direction: "desc" },
  ],
};

const flip = (direction: Direction): Direction => (direction === "asc" ? "desc" : "asc");

/** What a row must carry for the keyset: the values of every order's keys. */
type SortRow = Pick<ApplicationListRow, "id" | "createdAt" | "status"> & {
  candidateProfile: Pick<ApplicationListRow["candidateProfile"], "firstName" | "lastName">;
};

function sortValue(row: SortRow, field: SortField): SortValue {
  switch (field) {
    case "createdAt":
      return row.createdAt;
    case "id":
      return row.id;
    case "status":
      return row.status;
    case "lastName":
      return row.candidateProfile.lastName;
    case "firstName":
      return row.candidateProfile.firstName;
  }
}

/** The cursor: the sort and the row's values of its keys, as URL-safe base64 of JSON. */
function encodeCursor(sort: ListSort, row: ApplicationListRow): string {
  const values = SORT_KEYS[sort].map(({ field }) => {
    const value = sortValue(row, field);
    return value instanceof Date ? value.toISOString() : value;
  });
  return Buffer.from(JSON.stringify([sort, ...values])).toString("base64url");
}

/** The cursor's values, or null when it is malformed or was made for another order (page one then). */
function decodeCursor(sort: ListSort, cursor: string | undefined): SortValue[] | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const keys = SORT_KEYS[sort];
  if (!Array.isArray(parsed) || parsed[0] !== sort || parsed.length !== keys.length + 1) return null;
  const values: SortValue[] = [];
  for (const [index, { field }] of keys.entries()) {
    const raw: unknown = parsed[index + 1];
    if (typeof raw !== "string" || raw.length > 200) return null;
    if (field === "createdAt") {
      const date = new Date(raw);
      if (Number.isNaN(date.getTime())) return null;
      values.push(date);
    } else if (field === "status") {
      if (!isStatus(raw)) return null;
      values.push(raw);
    } else {
      values.push(raw);
    }
  }
  return values;
}

function equalsKey(field: SortField, value: SortValue): Prisma.JobApplicationWhereInput {
  if (field === "lastName" || field === "firstName") return { candidateProfile: { [field]: value as string } };
  if (field === "status") return { status: value as ApplicationStatus };
  return { [field]: value };
}

/** Rows strictly past `value` in `direction` on one key. */
function beyondKey(field: SortField, value: SortValue, direction: Direction): Prisma.JobApplicationWhereInput {
  const operator = direction === "asc" ? "gt" : "lt";
  if (field === "lastName" || field === "firstName") return { candidateProfile: { [field]: { [operator]: value as string } } };
  if (field === "status") {
    // Prisma compares enums by equality only: the statuses past this one, in the database's enum
    // order (the order of APPLICATION_STATUSES, as declared in prisma/schema.prisma).
    const index = APPLICATION_STATUSES.indexOf(value as ApplicationStatus);
    return { status: { in: direction === "asc" ? APPLICATION_STATUSES.slice(index + 1) : APPLICATION_STATUSES.slice(0, index) } };
  }
  return { [field]: { [operator]: value } };
}

/**
 * Rows at or past `value` on the first key: implied by the keyset condition, but PostgreSQL cannot
 * use an OR of ranges as an index bound, so without it a deep page scans every row before the
 * cursor (issue 12: page 200 cost 1.5 × page 1 at 200,000 applications). Names live on the
 * profile, where an index bound does not apply: nothing added there.
 */
function firstKeyBound({ field, direction }: SortKey, value: SortValue): Prisma.JobApplicationWhereInput {
  if (field === "createdAt") return { createdAt: { [direction === "asc" ? "gte" : "lte"]: value } };
  if (field === "status") {
    const index = APPLICATION_STATUSES.indexOf(value as ApplicationStatus);
    return { status: { in: direction === "asc" ? APPLICATION_STATUSES.slice(index) : APPLICATION_STATUSES.slice(0, index + 1) } };
  }
  return {};
}

/** The keyset condition: rows after the cursor in the order of `keys` (lexicographic). */
function keysetWhere(keys: SortKey[], values: SortValue[]): Prisma.JobApplicationWhereInput {
  return {
    AND: [firstKeyBound(keys[0]!, values[0]!), keysetOr(keys, values)],
  };
}

function keysetOr(keys: SortKey[], values: SortValue[]): Prisma.JobApplicationWhereInput {
  return {
    OR: keys.map((key, index) => ({
      AND: [
        ...keys.slice(0, index).map((previous, i) => equalsKey(previous.field, values[i]!)),
        beyondKey(key.field, values[index]!, key.direction),
      ],
    })),
  };
}

function orderByKey({ field, direction }: SortKey): Prisma.JobApplicationOrderByWithRelationInput {
  if (field === "lastName" || field === "firstName") return { candidateProfile: { [field]: direction } };
  return { [field]: direction };
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
    if (filters.job)
      and.push(filters.job === "spontaneous" ? { spontaneous: true } : { jobs: { some: { jobDescriptionId: filters.job } } });
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
  // Issue 13: the jobs applied for, or spontaneous.
  spontaneous: true,
  jobs: { select: { jobDescription: { select: { title: true, contractType: true } } } },
  // Never the person's shared row: the names the sending organisation typed for this application.
  candidateProfile: { select: { candidateId: true, firstName: true, lastName: true } },
  senderUser: { select: { id: true, firstName: true, lastName: true } },
  senderOrganization: { select: { id: true, name: true } },
  employerOrganization: { select: { id: true, name: true, city: true } },
  handler: { select: { id: true, firstName: true, lastName: true } },
  // Shown as "Archivée" in the employer's "Toutes" view; the batch bar offers Archiver / Désarchiver by it.
  archivedAt: true,
} satisfies Prisma.JobApplicationSelect;
export type ApplicationListRow = Prisma.JobApplicationGetPayload<{ select: typeof listRowSelect }>;

/**
 * One page of the organisation's applications in the chosen order (newest first by default), with
 * keyset pagination on the order's keys — never OFFSET, whose cost grows with the page number.
 * `after` pages forward; `before` pages back (`after` wins if both). The cursor carries the sort
 * key: one made for another order is ignored (page one).
 */
export async function findApplicationPage(scope: Scope, filters: ListFilters) {
  const sort = filters.sort ?? DEFAULT_LIST_SORT;
  const after = decodeCursor(sort, filters.after);
  const before = after ? null : decodeCursor(sort, filters.before);
  // Paging back reads the rows just before the cursor in the reverse order, then turns them round.
  const keys = before ? SORT_KEYS[sort].map((key) => ({ ...key, direction: flip(key.direction) })) : SORT_KEYS[sort];
  const cursor = after ?? before;
  const where: Prisma.JobApplicationWhereInput = {
    AND: [
      filtersWhere(scope, filters),
      filters.status.length ? { status: { in: filters.status } } : {},
      cursor ? keysetWhere(keys, cursor) : {},
    ],
  };
  const rows = await (
    await readDb()
  ).jobApplication.findMany({
    where,
    orderBy: keys.map(orderByKey),
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
    nextCursor: last && (before || hasMore) ? encodeCursor(sort, last) : null,
    previousCursor: first && (after || (before && hasMore)) ? encodeCursor(sort, first) : null,
  };
}

/** True when only the archive view narrows the list (status, order and cursor aside): the counters table then has the counts. */
function onlyArchiveView(filters: ListFilters): boolean {
  return (
    !filters.candidate &&
    !filters.sender &&
    !filters.employer &&
    !filters.prescriberOrganization &&
    !filters.handler &&
    !filters.sentFrom &&
    !filters.sentTo
  );
}

/** The counts per status under the filters (status and cursor aside): from the counter table when it has them. */
async function countsUnder(scope: Scope, filters: ListFilters): Promise<StatusCounts> {
  return onlyArchiveView(filters)
    ? { counts: await readStatusCounts(scope, filters.archive), capped: false }
    : countApplicationsByStatus(scope, filtersWhere(scope, filters));
}

/**
 * The list's query in its order, past `last` (the last row already read): how the exports walk the
 * whole filtered list in batches of any size with the same keyset as the pages, never OFFSET.
 */
export function listBatchQuery(scope: Scope, filters: ListFilters, last: SortRow | null) {
  const sort = filters.sort ?? DEFAULT_LIST_SORT;
  const keys = SORT_KEYS[sort];
  return {
    where: {
      AND: [
        listWhere(scope, filters),
        last
          ? keysetWhere(
              keys,
              keys.map(({ field }) => sortValue(last, field)),
            )
          : {},
      ],
    },
    orderBy: keys.map(orderByKey),
  } satisfies Prisma.JobApplicationFindManyArgs;
}

/**
 * What a list screen shows: the page of rows, plus the counts per status under the same
 * filters (status and cursor aside) — one query for the rows, and the counts: a few rows of the
 * counter table without other filters, else a count of the matching applications that stops at
 * COUNT_CAP ("10 000 et plus"); one more for the active counts when the employer looks at
 * archived applications.
 */
export async function listApplications(scope: Scope, filters: ListFilters) {
  const activeView = filters.archive === "active";
  const [page, counts, activeCounts] = await Promise.all([
    findApplicationPage(scope, filters),
    countsUnder(scope, filters),
    // The work queues ("À traiter", "En attente") count active applications whatever the view.
    activeView ? null : countsUnder(scope, { ...filters, archive: "active" }),
  ]);
  return {
    ...page,
    counts: counts.counts,
    countsCapped: counts.capped,
    activeCounts: (activeCounts ?? counts).counts,
    activeCountsCapped: (activeCounts ?? counts).capped,
  };
}
