import { startOfParisDay } from "@/lib/calendar-date";

/**
 * The periods of "Statistiques": a calendar month ("2026-11"), quarter ("2026-T4") or year
 * ("2026"), in Paris time, as they live in the URL (`periode`). Pure and client-safe.
 */
export type PeriodKind = "month" | "quarter" | "year";
export interface StatsPeriod {
  kind: PeriodKind;
  /** The URL value. */
  key: string;
  label: string;
  /** First calendar month, "YYYY-MM", and the number of months. */
  firstMonth: string;
  months: number;
  /** Instants (Paris midnights) bounding the period: from ≤ t < to. */
  from: Date;
  to: Date;
}

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const ORDINALS = ["1er", "2e", "3e", "4e"];

const monthKey = (year: number, monthIndex: number) => `${year}-${String(monthIndex + 1).padStart(2, "0")}`;
const parisMidnight = (year: number, monthIndex: number) => startOfParisDay(new Date(Date.UTC(year, monthIndex, 1)));

function period(kind: PeriodKind, key: string, label: string, year: number, monthIndex: number, months: number): StatsPeriod {
  return {
    kind,
    key,
    label,
    firstMonth: monthKey(year, monthIndex),
    months,
    from: parisMidnight(year, monthIndex),
    to: parisMidnight(year, monthIndex + months),
  };
}

export const monthPeriod = (year: number, monthIndex: number) =>
  period("month", monthKey(year, monthIndex), `${MONTH_NAMES[monthIndex]} ${year}`, year, monthIndex, 1);
export const quarterPeriod = (year: number, quarter: number) =>
  period("quarter", `${year}-T${quarter}`, `${ORDINALS[quarter - 1]} trimestre ${year}`, year, (quarter - 1) * 3, 3);
export const yearPeriod = (year: number) => period("year", String(year), `Année ${year}`, year, 0, 12);

/** Today's year and month in Paris. */
function parisToday(now: Date): { year: number; monthIndex: number } {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" })
    .format(now)
    .split("-")
    .map(Number);
  return { year: year!, monthIndex: month! - 1 };
}

/** The periods offered, newest first: 12 months, 8 quarters, 3 years (the current ones included). */
export function periodChoices(now = new Date()): Record<PeriodKind, StatsPeriod[]> {
  const { year, monthIndex } = parisToday(now);
  const quarter = Math.floor(monthIndex / 3) + 1;
  return {
    month: Array.from({ length: 12 }, (_, i) => {
      const index = year * 12 + monthIndex - i;
      return monthPeriod(Math.floor(index / 12), index % 12);
    }),
    quarter: Array.from({ length: 8 }, (_, i) => {
      const index = year * 4 + quarter - 1 - i;
      return quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
    }),
    year: [0, 1, 2].map((i) => yearPeriod(year - i)),
  };
}

/** The period named in the URL when it is one offered, else the current year. */
export function parsePeriod(value: unknown, now = new Date()): StatsPeriod {
  const choices = periodChoices(now);
  const all = [...choices.month, ...choices.quarter, ...choices.year];
  return all.find((choice) => choice.key === value) ?? choices.year[0]!;
}

/** The months of the period, "YYYY-MM", in order, with their French names. */
export function periodMonths(p: StatsPeriod): { key: string; label: string }[] {
  const [year, month] = p.firstMonth.split("-").map(Number);
  return Array.from({ length: p.months }, (_, i) => {
    const index = year! * 12 + month! - 1 + i;
    const monthIndex = index % 12;
    return { key: monthKey(Math.floor(index / 12), monthIndex), label: `${MONTH_NAMES[monthIndex]} ${Math.floor(index / 12)}` };
  });
}
