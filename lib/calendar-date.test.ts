import { describe, expect, it } from "vitest";
import { endOfParisDay, parseCalendarDate, startOfParisDay } from "@/lib/calendar-date";

const day = (value: string) => parseCalendarDate(value)!;

describe("Paris day boundaries", () => {
  it("start at 00:00 in Paris, an hour before UTC in winter and two in summer", () => {
    expect(startOfParisDay(day("2026-01-16")).toISOString()).toBe("2026-01-15T23:00:00.000Z");
    expect(startOfParisDay(day("2026-07-16")).toISOString()).toBe("2026-07-15T22:00:00.000Z");
  });

  it("follow the clocks: the days they change last 23 and 25 hours", () => {
    expect(startOfParisDay(day("2026-03-29")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfParisDay(day("2026-03-29")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfParisDay(day("2026-10-25")).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(endOfParisDay(day("2026-10-25")).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});
