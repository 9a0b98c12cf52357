import "server-only";
import { queryRowsDirect, sqlTimestamp, withPreparedStatements } from "@/lib/db";
import { readRowsDirect } from "@/lib/read-db";
import { isPrescriber, visibleApplicationsSql, type AccessScope } from "@/lib/access";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContractType } from "@/lib/generated/prisma/enums";
import { archiveViewSql, countApplicationsByStatus, type StatusCounts } from "@/lib/applications/queries";
import { readStatusCounts } from "@/lib/applications/counts";
import { candidateNameMatchesSql } from "@/lib/applications/name-search";
import { DEFAULT_LIST_SORT, PAGE_SIZE, hasNarrowingFilter, type ListFilters, type ListSort } from "@/lib/applications/list-filters";
import { isStatus, type ApplicationStatus } from "@/lib/status";
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

/** Each sort key's column: names live on the sender's record of the person (CandidateProfile p). */
const FIELD_SQL: Record<SortField, Prisma.Sql> = {
  createdAt: Prisma.sql`a."createdAt"`,
  id: Prisma.sql`a.id`,
  status: Prisma.sql`a.status`,
  lastName: Prisma.sql`p."lastName"`,
  firstName: Prisma.sql`p."firstName"`,
};
const NAME_FIELDS: readonly SortField[] = ["lastName", "firstName"];

/** A cursor value as SQL: instants as Prisma stores them; statuses compare in the enum's declared order (APPLICATION_STATUSES). */
function valueSql(field: SortField, value: SortValue): Prisma.Sql {
  if (field === "createdAt") return sqlTimestamp(value as Date);
  if (field === "status") return Prisma.sql`${value as string}::"ApplicationStatus"`;
  return Prisma.sql`${value as string}`;
}

const compare = (direction: Direction, orEqual = false) => Prisma.raw(direction === "asc" ? (orEqual ? ">=" : ">") : orEqual ? "<=" : "<");

/**
 * The keyset condition: rows after the cursor in the order of `keys` (lexicographic), plus the
 * first key's bound, which the OR implies but which PostgreSQL needs as an index bound: without it
 * a deep page scans every row before the cursor (issue 12: page 200 cost 1.5 × page 1 at 200,000
 * applications). Names live on the profile, where an index bound does not apply: nothing added there.
 */
function keysetSql(keys: SortKey[], values: SortValue[]): Prisma.Sql {
  const beyond = keys.map((key, index) =>
    Prisma.join(
      [
        ...keys.slice(0, index).map((previous, i) => Prisma.sql`${FIELD_SQL[previous.field]} = ${valueSql(previous.field, values[i]!)}`),
        Prisma.sql`${FIELD_SQL[key.field]} ${compare(key.direction)} ${valueSql(key.field, values[index]!)}`,
      ],
      " AND ",
    ),
  );
  const first = keys[0]!;
  const bound = NAME_FIELDS.includes(first.field)
    ? Prisma.sql`TRUE`
    : Prisma.sql`${FIELD_SQL[first.field]} ${compare(first.direction, true)} ${valueSql(first.field, values[0]!)}`;
  return Prisma.sql`${bound} AND ((${Prisma.join(beyond, ") OR (")}))`;
}

/** ORDER BY the keys, on the applications and profile (FIELD_SQL) or on the chosen page (PAGE_FIELD_SQL). */
const orderBySql = (keys: SortKey[], columns: Record<SortField, Prisma.Sql> = FIELD_SQL) =>
  Prisma.join(
    keys.map(({ field, direction }) => Prisma.sql`${columns[field]} ${Prisma.raw(direction === "asc" ? "ASC" : "DESC")}`),
    ", ",
  );

/** The sender's record of the person: whose names the list shows, searches and sorts by. */
const PROFILE_JOIN = Prisma.sql`JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"`;

/**
 * Every filter but status and cursor, on "JobApplication" a: the counters show each status under
 * the other filters. Scoped first by lib/access.ts. The name filter reads the sender's record of
 * the person: the statement's own `p` when it joins it (PROFILE_JOIN), else a semi-join. Both
 * at once made PostgreSQL hash-join the two copies over all 300,000 profiles (45 ms).
 */
function filtersSql(scope: Scope, filters: ListFilters, { profileJoined }: { profileJoined: boolean }): Prisma.Sql {
  const and: Prisma.Sql[] = [visibleApplicationsSql(scope)];
  const archive = archiveViewSql(scope, filters.archive);
  if (archive) and.push(archive);
  if (filters.candidate) {
    // The sender's record: a prescriber searches its own names, an employer what it was sent.
    const profile = Prisma.raw(profileJoined ? "p" : "named");
    const everyWord = candidateNameMatchesSql(profile, filters.candidate.split(/\s+/).slice(0, 4));
    and.push(
      profileJoined
        ? everyWord
        : Prisma.sql`EXISTS (SELECT 1 FROM "CandidateProfile" named
            WHERE named."candidateId" = a."candidateId" AND named."organizationId" = a."senderOrganizationId" AND ${everyWord})`,
    );
  }
  // Side-specific filters apply only where they make sense; ids outside the scope match nothing.
  if (isPrescriber(scope)) {
    if (filters.sender) and.push(Prisma.sql`a."senderUserId" = ${filters.sender}`);
    if (filters.employer) and.push(Prisma.sql`a."employerOrganizationId" = ${filters.employer}`);
  } else {
    if (filters.prescriberOrganization) and.push(Prisma.sql`a."senderOrganizationId" = ${filters.prescriberOrganization}`);
    if (filters.handler)
      and.push(filters.handler === "none" ? Prisma.sql`a."handlerId" IS NULL` : Prisma.sql`a."handlerId" = ${filters.handler}`);
    if (filters.job)
      and.push(
        filters.job === "spontaneous"
          ? Prisma.sql`a.spontaneous`
          : Prisma.sql`EXISTS (SELECT 1 FROM "ApplicationJob" aj WHERE aj."applicationId" = a.id AND aj."jobDescriptionId" = ${filters.job})`,
      );
  }
  // Days as users in France mean them: "from" starts at 00:00 in Paris, "to" includes the whole Paris day.
  const sentFrom = filters.sentFrom ? parseCalendarDate(filters.sentFrom) : null;
  const sentTo = filters.sentTo ? parseCalendarDate(filters.sentTo) : null;
  if (sentFrom) and.push(Prisma.sql`a."createdAt" >= ${sqlTimestamp(startOfParisDay(sentFrom))}`);
  if (sentTo) and.push(Prisma.sql`a."createdAt" < ${sqlTimestamp(endOfParisDay(sentTo))}`);
  return Prisma.join(and, " AND ");
}

const statusSql = (statuses: readonly ApplicationStatus[]) =>
  statuses.length
    ? Prisma.sql`a.status IN (${Prisma.join(statuses.map((status) => Prisma.sql`${status}::"ApplicationStatus"`))})`
    : Prisma.sql`TRUE`;

/** One application of a list page, with what either table shows of it. */
export interface ApplicationListRow {
  id: string;
  status: ApplicationStatus;
  createdAt: Date;
  jobTitle: string | null;
  // Issue 13: the jobs applied for, or spontaneous.
  spontaneous: boolean;
  jobs: { jobDescription: { title: string; contractType: ContractType } }[];
  // Never the person's shared row: the names the sending organisation typed for this application.
  candidateProfile: { candidateId: string; firstName: string; lastName: string };
  senderUser: { id: string; firstName: string; lastName: string };
  senderOrganization: { id: string; name: string };
  employerOrganization: { id: string; name: string; city: string | null };
  handler: { id: string; firstName: string; lastName: string } | null;
  // Shown as "Archivée" in the employer's "Toutes" view; the batch bar offers Archiver / Désarchiver by it.
  archivedAt: Date | null;
  // When the daily job will decline it unanswered (lib/applications/auto-refusal.ts autoRefusalDay).
  statusChangedAt: Date;
  autoRefusalWarnedAt: Date | null;
}

/** The row as the statement reads it: ids flat, each looked-up name as a text array, the jobs as JSON. */
interface ListRowColumns extends Record<string, unknown> {
  id: string;
  status: ApplicationStatus;
  createdAt: Date;
  jobTitle: string | null;
  spontaneous: boolean;
  jobs: ApplicationListRow["jobs"];
  candidateId: string;
  candidate: [firstName: string, lastName: string];
  senderUserId: string;
  sender: [firstName: string, lastName: string];
  senderOrganizationId: string;
  senderOrganizationName: string;
  employerOrganizationId: string;
  employer: [name: string, city: string | null];
  handlerId: string | null;
  handler: [firstName: string, lastName: string] | null;
  archivedAt: Date | null;
  statusChangedAt: Date;
  autoRefusalWarnedAt: Date | null;
}

/**
 * The page's rows are chosen first (the applications, and the sender's record of the person only
 * when the order or the name filter needs it), then each row's names are looked up by scalar
 * subqueries, which PostgreSQL plans one by one. One flat join of seven tables cost 4 to 20 ms of
 * planning per page (it weighs every join order); the same lookups as LATERAL joins, which it
 * pulls up into one join, still 1.1 to 1.4 ms; as scalar subqueries, 0.3 ms (2 M applications).
 * Only the unfiltered list by date is prepared (findApplicationPage): every other list pays this
 * planning on each view.
 */
function listRowsSql(page: Prisma.Sql, keys: SortKey[], profileJoined: boolean): Prisma.Sql {
  const candidate = profileJoined
    ? Prisma.sql`ARRAY[page."candidateFirstName", page."candidateLastName"]`
    : Prisma.sql`(SELECT ARRAY[p."firstName", p."lastName"] FROM "CandidateProfile" p
        WHERE p."candidateId" = page."candidateId" AND p."organizationId" = page."senderOrganizationId")`;
  return Prisma.sql`SELECT page.id, page.status::text AS status, page."createdAt", page."jobTitle", page.spontaneous, page."archivedAt",
      page."statusChangedAt", page."autoRefusalWarnedAt",
      page."candidateId", ${candidate} AS candidate,
      page."senderUserId", (SELECT ARRAY[u."firstName", u."lastName"] FROM "User" u WHERE u.id = page."senderUserId") AS sender,
      page."senderOrganizationId", (SELECT o.name FROM "Organization" o WHERE o.id = page."senderOrganizationId") AS "senderOrganizationName",
      page."employerOrganizationId", (SELECT ARRAY[o.name, o.city] FROM "Organization" o WHERE o.id = page."employerOrganizationId") AS employer,
      page."handlerId", (SELECT ARRAY[u."firstName", u."lastName"] FROM "User" u WHERE u.id = page."handlerId") AS handler,
      (SELECT coalesce(json_agg(json_build_object('jobDescription', json_build_object('title', job.title, 'contractType', job."contractType"))
        ORDER BY job.title, job.id), '[]')
        FROM "ApplicationJob" aj JOIN "JobDescription" job ON job.id = aj."jobDescriptionId" WHERE aj."applicationId" = page.id) AS jobs
    FROM (${page}) AS page
    ORDER BY ${orderBySql(keys, PAGE_FIELD_SQL)}`;
}

/** The columns of the chosen rows, for the lookups and the final order; the names when the page joined the profile. */
const PAGE_COLUMNS = Prisma.sql`a.id, a.status, a."createdAt", a."jobTitle", a.spontaneous, a."archivedAt", a."statusChangedAt", a."autoRefusalWarnedAt", a."candidateId",
  a."senderUserId", a."senderOrganizationId", a."employerOrganizationId", a."handlerId"`;
const PROFILE_COLUMNS = Prisma.sql`, p."firstName" AS "candidateFirstName", p."lastName" AS "candidateLastName"`;
const PAGE_FIELD_SQL: Record<SortField, Prisma.Sql> = {
  createdAt: Prisma.sql`page."createdAt"`,
  id: Prisma.sql`page.id`,
  status: Prisma.sql`page.status`,
  lastName: Prisma.sql`page."candidateLastName"`,
  firstName: Prisma.sql`page."candidateFirstName"`,
};

const toListRow = (row: ListRowColumns): ApplicationListRow => ({
  id: row.id,
  status: row.status,
  createdAt: row.createdAt,
  jobTitle: row.jobTitle,
  spontaneous: row.spontaneous,
  jobs: row.jobs,
  candidateProfile: { candidateId: row.candidateId, firstName: row.candidate[0], lastName: row.candidate[1] },
  senderUser: { id: row.senderUserId, firstName: row.sender[0], lastName: row.sender[1] },
  senderOrganization: { id: row.senderOrganizationId, name: row.senderOrganizationName },
  employerOrganization: { id: row.employerOrganizationId, name: row.employer[0], city: row.employer[1] },
  handler: row.handlerId && row.handler ? { id: row.handlerId, firstName: row.handler[0], lastName: row.handler[1] } : null,
  archivedAt: row.archivedAt,
  statusChangedAt: row.statusChangedAt,
  autoRefusalWarnedAt: row.autoRefusalWarnedAt,
});

/**
 * One page of the organisation's applications in the chosen order (newest first by default), with
 * keyset pagination on the order's keys — never OFFSET, whose cost grows with the page number.
 * `after` pages forward; `before` pages back (`after` wins if both). The cursor carries the sort
 * key: one made for another order is ignored (page one). One SQL statement with the rows' names,
 * straight from the driver (lib/read-db.ts readRowsDirect): through Prisma, the same page cost
 * 1.7 ms of CPU against 0.7 (issue 12).
 */
export async function findApplicationPage(scope: Scope, filters: ListFilters) {
  const sort = filters.sort ?? DEFAULT_LIST_SORT;
  const after = decodeCursor(sort, filters.after);
  const before = after ? null : decodeCursor(sort, filters.before);
  // Paging back reads the rows just before the cursor in the reverse order, then turns them round.
  const keys = before ? SORT_KEYS[sort].map((key) => ({ ...key, direction: flip(key.direction) })) : SORT_KEYS[sort];
  const cursor = after ?? before;
  // The name filter keeps the join: its plan through the joined profile is the one measured (issue 12).
  const profileJoined = Boolean(filters.candidate) || keys.some((key) => NAME_FIELDS.includes(key.field));
  const read = () =>
    readRowsDirect<ListRowColumns>(
      listRowsSql(
        Prisma.sql`SELECT ${PAGE_COLUMNS} ${profileJoined ? PROFILE_COLUMNS : Prisma.empty} FROM "JobApplication" a ${profileJoined ? PROFILE_JOIN : Prisma.empty}
          WHERE ${filtersSql(scope, filters, { profileJoined })} AND ${statusSql(filters.status)} AND ${cursor ? keysetSql(keys, cursor) : Prisma.sql`TRUE`}
          ORDER BY ${orderBySql(keys)} LIMIT ${PAGE_SIZE + 1}`,
        keys,
        profileJoined,
      ),
    );
  // The unfiltered list by date (the default screen and its pages) is prepared: its only plan walks
  // the organisation's (date, id) index from the cursor, whatever the organisation's size, so the
  // generic plan PostgreSQL keeps is the right one for all. Any other filter or order is planned for
  // its own values: a generic plan for a status, say, would be made for an average organisation.
  const walksDateIndex = !profileJoined && !hasNarrowingFilter(filters) && filters.status.length === 0 && keys[0]!.field === "createdAt";
  const rows = (walksDateIndex ? await withPreparedStatements(read) : await read()).map(toListRow);
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

/** The counts per status under the filters (status and cursor aside): from the counter table when it has them. */
async function countsUnder(scope: Scope, filters: ListFilters): Promise<StatusCounts> {
  return hasNarrowingFilter(filters)
    ? countApplicationsByStatus(scope, filtersSql(scope, filters, { profileJoined: false }))
    : { counts: await readStatusCounts(scope, filters.archive), capped: false };
}

/**
 * The ids of the list's next `take` applications in its order, past `last` (the last row already
 * read): how the exports walk the whole filtered list in batches with the same keyset as the
 * pages, never OFFSET. From the primary, as the export's own rows.
 */
export async function listBatchIds(scope: Scope, filters: ListFilters, last: SortRow | null, take: number): Promise<string[]> {
  const keys = SORT_KEYS[filters.sort ?? DEFAULT_LIST_SORT];
  const byName = keys.some((key) => NAME_FIELDS.includes(key.field));
  const rows = await queryRowsDirect<{ id: string }>(
    Prisma.sql`SELECT a.id FROM "JobApplication" a ${byName ? PROFILE_JOIN : Prisma.empty}
      WHERE ${filtersSql(scope, filters, { profileJoined: byName })} AND ${statusSql(filters.status)}
      AND ${
        last
          ? keysetSql(
              keys,
              keys.map(({ field }) => sortValue(last, field)),
            )
          : Prisma.sql`TRUE`
      }
      ORDER BY ${orderBySql(keys)} LIMIT ${take}`,
  );
  return rows.map((row) => row.id);
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
