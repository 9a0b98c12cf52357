// Dates as the UI shows them, identical on the server and in the browser.

const DAY = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });
// Birth and hiring dates are @db.Date values at UTC midnight: read them in UTC or they shift a day.
const CALENDAR_DAY = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const LONG_CALENDAR_DAY = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const DAY_AND_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** A moment (createdAt…) as its day in France: "07/03/2026". */
export function formatDay(value: Date | string): string {
  return DAY.format(toDate(value));
}

/** A moment with its time in France: "07/03/2026 14:05". */
export function formatDayAndTime(value: Date | string): string {
  return DAY_AND_TIME.format(toDate(value));
}

/** A calendar date (birth date, hiring date): "07/03/2026". */
export function formatCalendarDate(value: Date | string): string {
  return CALENDAR_DAY.format(toDate(value));
}

/** A calendar date in words: "7 mars 2026". */
export function formatLongCalendarDate(value: Date | string): string {
  return LONG_CALENDAR_DAY.format(toDate(value));
}

export { personName } from "@/lib/people";
