import { DAY_MS, MINUTE_MS } from "@/lib/time";
/**
 * Calendar dates (birth, hiring, list filters): "YYYY-MM-DD" as native date inputs give them, stored as UTC
 * midnight (@db.Date). Pure and client-safe, so forms and server read them the same way.
 */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date, or null for anything that is not a real day (e.g. "2026-02-31"). */
export function parseCalendarDate(value: string): Date | null {
  if (!CALENDAR_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null;
}

const PARIS_OFFSET = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });

/** Paris's offset from UTC at that instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: Date): number {
  const name = PARIS_OFFSET.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = name.match(/^GMT([+-])(\d{2}):(\d{2})$/);
  if (!match) return 0; // "GMT": no offset
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === "-" ? -1 : 1) * minutes * MINUTE_MS;
}

/**
 * The instant a calendar day (as parseCalendarDate gives it) starts in France: 00:00 Europe/Paris.
 * Lists filter on days as the French users mean them, not on UTC days.
 */
export function startOfParisDay(day: Date): Date {
  // Two steps: the offset at UTC midnight may differ from the one at Paris midnight on the
  // days the clocks change (they change at 01:00 UTC, so the second guess is exact).
  const guess = day.getTime() - parisOffsetMs(day);
  return new Date(day.getTime() - parisOffsetMs(new Date(guess)));
}

/** The instant the next Paris day starts: the exclusive end of a "to" date that includes the whole day. */
export function endOfParisDay(day: Date): Date {
  return startOfParisDay(new Date(day.getTime() + DAY_MS));
}
