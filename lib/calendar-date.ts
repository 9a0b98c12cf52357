/**
 * Calendar dates (birth, hiring): "YYYY-MM-DD" as native date inputs give them, stored as UTC
 * midnight (@db.Date). Pure and client-safe, so forms and server read them the same way.
 */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The date, or null for anything that is not a real day (e.g. "2026-02-31"). */
export function parseCalendarDate(value: string): Date | null {
  if (!CALENDAR_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null;
}
