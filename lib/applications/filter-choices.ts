import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { withPreparedStatements } from "@/lib/db";
import { containsUnaccentedSql } from "@/lib/applications/name-search";
import { readRowsDirect } from "@/lib/read-db";
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
// From the replica when there is one, straight from the driver (lib/read-db.ts readRowsDirect).

interface ChoiceRow {
  id: string;
  name?: string;
  city?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

const organizations = (kind: "PRESCRIBER" | "EMPLOYER") => ({
  columns: Prisma.sql`c.id, c.name, c.city`,
  from: Prisma.sql`"Organization" c WHERE c.kind = ${kind}::"OrganizationKind"`,
});
const users = { columns: Prisma.sql`c.id, c."firstName", c."lastName", c.email`, from: Prisma.sql`"User" c WHERE TRUE` };
const userLabel = (row: ChoiceRow) => personName({ firstName: row.firstName ?? "", lastName: row.lastName ?? "" }) || row.email || "";

/** Per filter: its rows (aliased c: columns, and a FROM … WHERE to extend), the columns a search word may match, their order and label. */
const SOURCES: Record<
  FilterChoiceName,
  { columns: Prisma.Sql; from: Prisma.Sql; searched: Prisma.Sql[]; order: Prisma.Sql; label: (row: ChoiceRow) => string }
> = {
  prescriberOrganization: {
    ...organizations("PRESCRIBER"),
    searched: [Prisma.sql`c.name`],
    order: Prisma.sql`c.name, c.id`,
    label: (row) => row.name ?? "",
  },
  // The employer's city tells two branches of one network apart, as in its label.
  employer: {
    ...organizations("EMPLOYER"),
    searched: [Prisma.sql`c.name`, Prisma.sql`c.city`],
    order: Prisma.sql`c.name, c.id`,
    label: (row) => (row.city ? `${row.name} (${row.city})` : (row.name ?? "")),
  },
  handler: {
    ...users,
    searched: [Prisma.sql`c."firstName"`, Prisma.sql`c."lastName"`],
    order: Prisma.sql`c."lastName", c."firstName", c.id`,
    label: userLabel,
  },
  sender: {
    ...users,
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
  const rows = await readRowsDirect<ChoiceRow & Record<string, unknown>>(
    Prisma.sql`SELECT ${source.columns} FROM ${source.from} AND c.id IN (${ids}) ${condition}
      ORDER BY ${source.order} ${limit ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`,
  );
  return rows.map((row) => ({ id: row.id, label: source.label(row) }));
}

/**
 * What a list page offers in one filter: every choice while there are at most
 * FILTER_SELECT_MAX_CHOICES (a native select), else only the current one, named here, for the
 * search field: the page never carries thousands of organisations. One statement: the count, which
 * stops past the threshold (a few index entries, however many partners there are), and the rows it
 * calls for; a count row comes back even when no choice does. Prepared (lib/db.ts
 * withPreparedStatements): the count stops at the threshold, so the rows are a few whatever the size.
 * Each mode is its own branch, gated by the count: PostgreSQL keeps one generic plan for a prepared
 * statement, and with both modes in one condition (`n <= 30 OR id = $selected`) that plan read
 * every organisation of the kind on each view (0.6 ms at 8,000 organisations, and growing with them).
 */
export async function readFilterChoices(scope: AccessScope, filter: FilterChoiceName, selectedId?: string): Promise<FilterChoices> {
  const ids = filterChoiceIdsSql(scope, filter);
  if (!ids) return { mode: "select", options: [] };
  const source = SOURCES[filter];
  const rows = await withPreparedStatements(() =>
    readRowsDirect<ChoiceRow & { choiceCount: number } & Record<string, unknown>>(
      Prisma.sql`WITH few(id) AS MATERIALIZED (${ids} LIMIT ${FILTER_SELECT_MAX_CHOICES + 1}),
        counted AS (SELECT count(*)::int AS n FROM few)
      SELECT counted.n AS "choiceCount", choice.* FROM counted LEFT JOIN LATERAL (
        SELECT c.*, row_number() OVER (ORDER BY ${source.order}) AS rank FROM (
          SELECT ${source.columns} FROM ${source.from} AND c.id IN (SELECT id FROM few) AND counted.n <= ${FILTER_SELECT_MAX_CHOICES}
          UNION ALL
          SELECT ${source.columns} FROM ${source.from} AND c.id = ${selectedId ?? null} AND c.id IN (${ids})
            AND counted.n > ${FILTER_SELECT_MAX_CHOICES}
        ) AS c
      ) AS choice ON TRUE ORDER BY choice.rank`,
    ),
  );
  const choices = rows.filter((row) => row.id !== null).map((row) => ({ id: row.id, label: source.label(row) }));
  if ((rows[0]?.choiceCount ?? 0) <= FILTER_SELECT_MAX_CHOICES) return { mode: "select", options: choices };
  return { mode: "search", selected: choices[0] ?? null };
}

/**
 * The organisation's choices in this filter whose name (employers: or city; colleagues: or e-mail)
 * contains every word of the query, case and accents aside as everywhere in the app, at most
 * FILTER_SEARCH_LIMIT, in the filter's order.
 */
export async function searchFilterChoices(scope: AccessScope, filter: FilterChoiceName, query: string): Promise<FilterChoice[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return [];
  const { searched } = SOURCES[filter];
  const everyWord = words.map(
    (word) =>
      Prisma.sql`AND (${Prisma.join(
        searched.map((column) => containsUnaccentedSql(column, word)),
        " OR ",
      )})`,
  );
  return readChoices(scope, filter, Prisma.join(everyWord, " "), FILTER_SEARCH_LIMIT);
}
