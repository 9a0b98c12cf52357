import { z } from "zod";
import { APPLICATION_STATUSES } from "@/lib/status";
import { parseCalendarDate } from "@/lib/calendar-date";

/**
 * The filters of "Suivi des candidatures" and "Candidatures reçues", as they live in the URL
 * (shareable, back button works). Unknown or malformed values are dropped, never an error page.
 */
const many = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
// "YYYY-MM-DD" of a real day: Date.parse would read "2026-02-31" as 3 March.
const optionalDate = z
  .string()
  .refine((v) => parseCalendarDate(v) !== null)
  .optional()
  .catch(undefined);

/** Rows per page of both lists; a batch decision takes at most one page. */
export const PAGE_SIZE = 20;

/** The orders both lists offer (issue 10 item 5): date sent, candidate name or status, up or down. */
export const LIST_SORTS = ["date_desc", "date_asc", "name_asc", "name_desc", "status_asc", "status_desc"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_LIST_SORT: ListSort = "date_desc";
export const LIST_SORT_LABELS: Record<ListSort, string> = {
  date_desc: "Date d'envoi, les plus récentes d'abord",
  date_asc: "Date d'envoi, les plus anciennes d'abord",
  name_asc: "Nom du candidat, de A à Z",
  name_desc: "Nom du candidat, de Z à A",
  status_asc: "Statut, des nouvelles candidatures aux embauches ailleurs",
  status_desc: "Statut, des embauches ailleurs aux nouvelles candidatures",
};
/** "Actives / Archivées / Toutes" of the employer's list (issue 10); the prescriber's list ignores it. */
export const ARCHIVE_VIEWS = ["active", "archived", "all"] as const;
export type ArchiveView = (typeof ARCHIVE_VIEWS)[number];
export const ARCHIVE_VIEW_LABELS: Record<ArchiveView, string> = { active: "Actives", archived: "Archivées", all: "Toutes" };

export const listFiltersSchema = z.object({
  status: z.preprocess(many, z.array(z.string())).transform((values) => APPLICATION_STATUSES.filter((s) => values.includes(s))),
  candidate: optionalText,
  // prescriber side
  sender: optionalText,
  employer: optionalText,
  // employer side
  prescriberOrganization: optionalText,
  handler: optionalText,
  // Issue 13: one of the employer's jobs, or "spontaneous".
  job: optionalText,
  // Active applications unless the URL says otherwise.
  archive: z
    .enum(ARCHIVE_VIEWS)
    .optional()
    .catch(undefined)
    .transform((view): ArchiveView => view ?? "active"),
  sentFrom: optionalDate,
  sentTo: optionalDate,
  sort: z.enum(LIST_SORTS).catch(DEFAULT_LIST_SORT).default(DEFAULT_LIST_SORT),
  // keyset cursor: the sort key of the last row of the previous page (lib/applications/list.ts)
  after: z.string().max(1000).optional().catch(undefined),
  // keyset cursor for going back: the sort key of the first row of the next page
  before: z.string().max(1000).optional().catch(undefined),
});
export type ListFilters = z.infer<typeof listFiltersSchema>;

/**
 * The filters that narrow a list beyond its status and archive view. Under any of them, the counts
 * must be counted, not read from the counter table (lib/applications/list.ts). Every key of
 * ListFilters is either here or a view key below, or this file does not compile: a new filter
 * cannot be left out of the counts by oversight (the « Poste » filter once was).
 */
export const NARROWING_FILTERS = [
  "candidate",
  "sender",
  "employer",
  "prescriberOrganization",
  "handler",
  "job",
  "sentFrom",
  "sentTo",
] as const satisfies readonly (keyof ListFilters)[];
/** The keys that choose a view of the list (its status tab, archive view, order and page), not narrow it. */
type ViewKey = "status" | "archive" | "sort" | "after" | "before";
type NoneLeft<Keys extends never> = Keys;
/** A compile error here names the ListFilters key that is in neither NARROWING_FILTERS nor ViewKey. */
export type EveryFilterClassed = NoneLeft<Exclude<keyof ListFilters, (typeof NARROWING_FILTERS)[number] | ViewKey>>;

/** True when a filter narrows the list beyond its status and archive view. */
export function hasNarrowingFilter(filters: Partial<ListFilters>): boolean {
  return NARROWING_FILTERS.some((key) => filters[key]);
}

export function parseListFilters(searchParams: Record<string, string | string[] | undefined>): ListFilters {
  const filters = listFiltersSchema.parse(searchParams);
  // Days typed the wrong way round (« du 20/11 au 01/11 ») mean the days between them, not none;
  // the form then shows them in order.
  if (filters.sentFrom && filters.sentTo && filters.sentFrom > filters.sentTo) {
    return { ...filters, sentFrom: filters.sentTo, sentTo: filters.sentFrom };
  }
  return filters;
}

/** Back to a query string, e.g. for the "next page" link (cursor replaced). */
export function listFiltersToSearchParams(filters: Partial<ListFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of filters.status ?? []) params.append("status", status);
  // The default order stays out of the URL, so that the bare path is the default list.
  if (filters.sort && filters.sort !== DEFAULT_LIST_SORT) params.set("sort", filters.sort);
  for (const key of [...NARROWING_FILTERS, "after", "before"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  // The default view stays out of the URL.
  if (filters.archive && filters.archive !== "active") params.set("archive", filters.archive);
  // One direction at a time: a link that sets one cursor drops the other.
  if (filters.after) params.delete("before");
  return params;
}

/** A list screen's URL with these filters (an empty query gives the bare path). */
export function listHref(basePath: string, filters: Partial<ListFilters>): string {
  const query = listFiltersToSearchParams(filters).toString();
  return query ? `${basePath}?${query}` : basePath;
}
