import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/read-db";
import { filterChoiceIdsSql, type AccessScope } from "@/lib/access";
import { personName } from "@/lib/people";
import {
  FILTER_SEARCH_LIMIT,
  FILTER_SELECT_MAX_CHOICES,
  type FilterChoice,
  type FilterChoiceName,
  type FilterChoices,
} from "@/lib/applications/filter-choice-validation";

// The choices of the lists' people and organisation filters (issue 12), read from the small tables
// the applications' trigger keeps (EmployerSender, EmployerHandler, OrganizationSender) and the
// members, never from the applications; which ids an organisation may pick: lib/access.ts.
// From the replica when there is one (lib/read-db.ts).

interface ChoiceRow {
  id: string;
  name?: string;
  city?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

const organizations = (kind: "PRESCRIBER" | "EMPLOYER") =>
  Prisma.sql`SELECT c.id, c.name, c.city FROM "Organization" c WHERE c.kind = ${kind}::"OrganizationKind"`;
const users = Prisma.sql`SELECT c.id, c."firstName", c."lastName", c.email FROM "User" c WHERE TRUE`;
const userLabel = (row: ChoiceRow) => personName({ firstName: row.firstName ?? "", lastName: row.lastName ?? "" }) || row.email || "";

/** Per filter: its rows (aliased c), the columns a search word may match, their order and label. */
const SOURCES: Record<
  FilterChoiceName,
  { rows: Prisma.Sql; searched: Prisma.Sql[]; order: Prisma.Sql; label: (row: ChoiceRow) => string }
> = {
  prescriberOrganization: {
    rows: organizations("PRESCRIBER"),
    searched: [Prisma.sql`c.name`],
    order: Prisma.sql`c.name, c.id`,
    label: (row) => row.name ?? "",
  },
  // The employer's city tells two branches of one network apart, as in its label.
  employer: {
    rows: organizations("EMPLOYER"),
    searched: [Prisma.sql`c.name`, Prisma.sql`c.city`],
    order: Prisma.sql`c.name, c.id`,
    label: (row) => (row.city ? `${row.name} (${row.city})` : (row.name ?? "")),
  },
  handler: {
    rows: users,
    searched: [Prisma.sql`c."firstName"`, Prisma.sql`c."lastName"`],
    order: Prisma.sql`c."lastName", c."firstName", c.id`,
    label: userLabel,
  },
  sender: {
    rows: users,
    searched: [Prisma.sql`c."firstName"`, Prisma.sql`c."lastName"`, Prisma.sql`c.email`],
    order: Prisma.sql`c."lastName", c."firstName", c.id`,
    label: userLabel,
  },
};

/** The organisation's choices in this filter that also meet `condition`, in the filter's order. */
async function readChoices(scope: AccessScope, filter: FilterChoiceName, condition: Prisma.Sql, limit?: number): Promise<FilterChoice[]> {
  const ids = filterChoiceIdsSql(scope, filter);
  if (!ids) return [];
  const source = SOURCES[filter];
  const rows = await (
    await readDb()
  ).$queryRaw<
    ChoiceRow[]
  >`${source.rows} AND c.id IN (${ids}) ${condition} ORDER BY ${source.order} ${limit ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  return rows.map((row) => ({ id: row.id, label: source.label(row) }));
}

/**
 * What a list page offers in one filter: every choice while there are at most
 * FILTER_SELECT_MAX_CHOICES (a native select), else only the current one, named here, for the
 * search field: the page never carries thousands of organisations.
 */
export async function readFilterChoices(scope: AccessScope, filter: FilterChoiceName, selectedId?: string): Promise<FilterChoices> {
  const ids = filterChoiceIdsSql(scope, filter);
  if (!ids) return { mode: "select", options: [] };
  // Counting stops past the threshold: a few index entries, however many partners there are.
  const [counted] = await (
    await readDb()
  ).$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM (${ids} LIMIT ${FILTER_SELECT_MAX_CHOICES + 1}) AS choice`;
  if ((counted?.count ?? 0) <= FILTER_SELECT_MAX_CHOICES)
    return { mode: "select", options: await readChoices(scope, filter, Prisma.empty) };
  const [selected] = selectedId ? await readChoices(scope, filter, Prisma.sql`AND c.id = ${selectedId}`) : [];
  return { mode: "search", selected: selected ?? null };
}

/** `%word%` for ILIKE, the word's own % _ and \ taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/**
 * The organisation's choices in this filter whose name (employers: or city; colleagues: or e-mail)
 * contains every word of the query, case aside as everywhere in the app (ILIKE), at most
 * FILTER_SEARCH_LIMIT, in the filter's order.
 */
export async function searchFilterChoices(scope: AccessScope, filter: FilterChoiceName, query: string): Promise<FilterChoice[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return [];
  const { searched } = SOURCES[filter];
  const everyWord = words.map(
    (word) =>
      Prisma.sql`AND (${Prisma.join(
        searched.map((column) => Prisma.sql`${column} ILIKE ${containing(word)}`),
        " OR ",
      )})`,
  );
  return readChoices(scope, filter, Prisma.join(everyWord, " "), FILTER_SEARCH_LIMIT);
}
