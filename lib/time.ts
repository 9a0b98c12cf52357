// Durations, named once: no magic 86_400_000 or 365 * 24 * 3600 elsewhere. Pure and client-safe.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** A calendar year as links and cookies count it (365 days). */
export const YEAR_MS = 365 * DAY_MS;

/** For APIs that count in seconds (cookie maxAge). */
export const toSeconds = (ms: number) => Math.round(ms / SECOND_MS);
