/**
 * `npm run jobs -- [name…] [--as-of YYYY-MM-DD]`: the command line, parsed without side effects so
 * that a test covers it. No name runs every job; an unknown name or a malformed date is an error
 * that says what is accepted.
 */
import { parseDay } from "./day";

export interface JobsCommand {
  /** The jobs to run, in the registry's order; every job when none was named. */
  names: string[];
  /** The day to run as if it were today; null = today. */
  asOf: string | null;
  help: boolean;
}

export const JOBS_USAGE = "usage: npm run jobs -- [name…] [--as-of YYYY-MM-DD]";

export function parseJobsArgs(argv: readonly string[], knownNames: readonly string[]): JobsCommand | { error: string } {
  const named = new Set<string>();
  let asOf: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--help" || arg === "-h") return { names: [], asOf: null, help: true };
    if (arg === "--as-of" || arg.startsWith("--as-of=")) {
      const value = arg === "--as-of" ? argv[++index] : arg.slice("--as-of=".length);
      if (asOf !== null) return { error: "--as-of is given twice." };
      if (!value) return { error: "--as-of needs a date: --as-of YYYY-MM-DD." };
      asOf = parseDay(value);
      if (!asOf) return { error: `--as-of ${value}: not a date of the form YYYY-MM-DD (e.g. 2026-03-01).` };
      continue;
    }
    if (arg.startsWith("-")) return { error: `Unknown option ${arg}. ${JOBS_USAGE}` };
    if (!knownNames.includes(arg)) return { error: `Unknown job "${arg}". Jobs: ${knownNames.join(", ")}.` };
    named.add(arg);
  }
  return { names: named.size ? knownNames.filter((name) => named.has(name)) : [...knownNames], asOf, help: false };
}
