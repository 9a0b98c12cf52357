import { describe, expect, it } from "vitest";
import { parseJobsArgs } from "./args";
import { dayAt, startOfDay } from "./day";

const KNOWN = ["email-retention", "auto-refusal", "archiving"];

describe("npm run jobs -- [name…] [--as-of YYYY-MM-DD]", () => {
  it.each([
    { argv: [], expected: { names: KNOWN, asOf: null, help: false } },
    { argv: ["archiving"], expected: { names: ["archiving"], asOf: null, help: false } },
    // Named jobs run in the registry's order, each once.
    { argv: ["archiving", "email-retention", "archiving"], expected: { names: ["email-retention", "archiving"], asOf: null, help: false } },
    { argv: ["--as-of", "2026-03-01"], expected: { names: KNOWN, asOf: "2026-03-01", help: false } },
    { argv: ["--as-of=2026-03-01", "auto-refusal"], expected: { names: ["auto-refusal"], asOf: "2026-03-01", help: false } },
    { argv: ["auto-refusal", "--as-of", "2028-02-29"], expected: { names: ["auto-refusal"], asOf: "2028-02-29", help: false } },
    { argv: ["--help"], expected: { names: [], asOf: null, help: true } },
  ])("$argv", ({ argv, expected }) => {
    expect(parseJobsArgs(argv, KNOWN)).toEqual(expected);
  });

  it.each([
    { argv: ["purge"], error: 'Unknown job "purge". Jobs: email-retention, auto-refusal, archiving.' },
    { argv: ["--as-of"], error: "--as-of needs a date: --as-of YYYY-MM-DD." },
    { argv: ["--as-of", "2026-02-30"], error: "--as-of 2026-02-30: not a date of the form YYYY-MM-DD (e.g. 2026-03-01)." },
    { argv: ["--as-of", "01/03/2026"], error: "--as-of 01/03/2026: not a date of the form YYYY-MM-DD (e.g. 2026-03-01)." },
    { argv: ["--as-of", "2026-03-01", "--as-of", "2026-03-02"], error: "--as-of is given twice." },
    { argv: ["--force"], error: "Unknown option --force. usage: npm run jobs -- [name…] [--as-of YYYY-MM-DD]" },
  ])("refuses $argv", ({ argv, error }) => {
    expect(parseJobsArgs(argv, KNOWN)).toEqual({ error });
  });
});

describe("the jobs' day (Europe/Paris)", () => {
  it.each([
    { day: "2026-01-15", start: "2026-01-14T23:00:00.000Z" },
    { day: "2026-07-14", start: "2026-07-13T22:00:00.000Z" },
    { day: "2026-03-29", start: "2026-03-28T23:00:00.000Z" }, // clocks go forward at 02:00
    { day: "2026-03-30", start: "2026-03-29T22:00:00.000Z" },
    { day: "2026-10-25", start: "2026-10-24T22:00:00.000Z" }, // clocks go back at 03:00
    { day: "2026-10-26", start: "2026-10-25T23:00:00.000Z" },
  ])("$day starts at $start", ({ day, start }) => {
    expect(startOfDay(day).toISOString()).toBe(start);
    expect(dayAt(startOfDay(day))).toBe(day);
    expect(dayAt(new Date(startOfDay(day).getTime() - 1))).not.toBe(day);
  });

  it("is the Paris date, not the UTC one, around midnight", () => {
    expect(dayAt(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(dayAt(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
  });
});
