import { HOUR_MS, MINUTE_MS, SECOND_MS } from "@/lib/time";
// What to do after one delivery attempt: pure rules, shared by the sender and its tests.

/** How long a row is retried after transient failures, and at which pace. */
export interface RetrySchedule {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts whose average schedule fills the retry window; the claim skips rows past it. */
  maxAttempts: number;
}

/** Past this, a transient failure (outage, 5xx) makes a notification FAILED. */
export const RETRY_WINDOW_MS = 72 * HOUR_MS;
/** A sign-in link dies after 30 minutes (lib/auth/sign-in-link.ts): retrying longer is pointless. */
export const SIGN_IN_RETRY_WINDOW_MS = 30 * MINUTE_MS;

// Equal jitter: each delay is drawn in [half, whole] of the doubled one, so that senders that
// failed together (a Resend incident) do not come back together.
const JITTER_MEAN = 0.75;

function attemptsWithin(firstDelayMs: number, maxDelayMs: number, windowMs: number): number {
  let attempts = 1;
  for (let elapsed = 0; ; attempts++) {
    elapsed += JITTER_MEAN * Math.min(firstDelayMs * 2 ** (attempts - 1), maxDelayMs);
    if (elapsed >= windowMs) return attempts;
  }
}

/** Notifications: 10 s, 20 s, 40 s… up to 1 h between tries, for about 72 h (≈ 100 attempts). */
export const NOTIFICATION_RETRY: RetrySchedule = {
  firstDelayMs: 10 * SECOND_MS,
  maxDelayMs: HOUR_MS,
  maxAttempts: attemptsWithin(10 * SECOND_MS, HOUR_MS, RETRY_WINDOW_MS),
};

/** Someone waits for a sign-in link: 1 s, 2 s, 4 s… up to 1 min between tries, while the link lives. */
export const SIGN_IN_RETRY: RetrySchedule = {
  firstDelayMs: SECOND_MS,
  maxDelayMs: MINUTE_MS,
  maxAttempts: attemptsWithin(SECOND_MS, MINUTE_MS, SIGN_IN_RETRY_WINDOW_MS),
};

export const retryScheduleOf = (template: string): RetrySchedule => (template === "sign_in" ? SIGN_IN_RETRY : NOTIFICATION_RETRY);

/** Delay before attempt `attempts + 1`: the schedule's doubling delay, jittered into [½, 1] of it. */
export function backoffDelayMs(attempts: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const full = Math.min(schedule.firstDelayMs * 2 ** Math.max(0, attempts - 1), schedule.maxDelayMs);
  return Math.round(full * (0.5 + 0.5 * random()));
}

/** The SDK's error shape: statusCode null means the request never got an HTTP answer. */
export interface ProviderError {
  statusCode: number | null;
  name: string;
  message: string;
}

/**
 * - transient: the network, a 5xx, a request with the same key in flight: retried with backoff;
 * - rate_limited: a 429 of the request rate: wait as Resend says, no attempt spent;
 * - configuration: the key, the domain or the quota: no e-mail can leave, the whole outbox pauses;
 * - permanent: this e-mail only (422 validation, bad recipient…): FAILED with the reason.
 */
export type ErrorKind = "transient" | "rate_limited" | "configuration" | "permanent";

const CONFIGURATION_NAMES = new Set([
  "missing_api_key",
  "invalid_api_key",
  "restricted_api_key",
  "daily_quota_exceeded",
  "monthly_quota_exceeded",
  // EMAIL_FROM on a domain Resend does not accept: every e-mail would be refused alike.
  "invalid_from_address",
  "invalid_access",
]);

const TRANSIENT_NAMES = new Set(["concurrent_idempotent_requests", "internal_server_error", "application_error"]);

const PERMANENT_NAMES = new Set([
  "invalid_idempotency_key",
  "validation_error",
  "not_found",
  "method_not_allowed",
  "invalid_idempotent_request",
  "invalid_attachment",
  "invalid_parameter",
  "invalid_region",
  "missing_required_field",
  "security_error",
]);

export function classifyError(error: ProviderError): ErrorKind {
  const { statusCode, name } = error;
  if (statusCode === null) return "transient";
  if (typeof name === "string" && CONFIGURATION_NAMES.has(name)) return "configuration";
  if (typeof statusCode === "number") {
    if (statusCode === 429) return "rate_limited";
    if (statusCode === 401 || statusCode === 403) return "configuration";
    if (statusCode >= 500) return "transient";
    if (statusCode === 409 && name === "concurrent_idempotent_requests") return "transient";
    return statusCode >= 400 ? "permanent" : "transient";
  }
  // A JSON error body without statusCode (e.g. from a proxy): judge by Resend's error name, and
  // retry what we cannot recognise rather than lose the email.
  if (typeof name === "string" && name === "rate_limit_exceeded") return "rate_limited";
  if (typeof name === "string" && PERMANENT_NAMES.has(name) && !TRANSIENT_NAMES.has(name)) return "permanent";
  return "transient";
}

function seconds(value: string | undefined): number | null {
  if (!value) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 && parsed * SECOND_MS <= HOUR_MS ? parsed * SECOND_MS : null;
}

/** How long a 429 asks to wait: `retry-after`, else `ratelimit-reset` (both in seconds), else 1 s. */
export function rateLimitWaitMs(headers: Record<string, string> | null | undefined): number {
  const wait = seconds(headers?.["retry-after"]) ?? seconds(headers?.["ratelimit-reset"]);
  return Math.max(wait ?? SECOND_MS, 100);
}

export function describeError(error: ProviderError): string {
  return `${error.statusCode ?? "réseau"} ${error.name}: ${error.message}`.slice(0, 1000);
}

const REFUSED = "Le service d'envoi a refusé cet e-mail";

/**
 * What an admin reads on « E-mails non remis », in French, from the stored reason (describeError):
 * the provider's own words stay beside it, for whoever they call for help.
 */
export function explainDeliveryError(stored: string): string {
  const [, status = "", name = ""] = /^(\S+) ([a-z_]+):/.exec(stored) ?? [];
  if (status === "réseau" || status.startsWith("5") || TRANSIENT_NAMES.has(name)) {
    return "Le service d'envoi est resté injoignable après plusieurs tentatives.";
  }
  if (name === "validation_error" || name === "invalid_parameter" || name === "missing_required_field") {
    return `${REFUSED}\u00a0: l'adresse du destinataire est sans doute invalide.`;
  }
  if (name === "security_error") return `${REFUSED} pour une raison de sécurité.`;
  return `${REFUSED}.`;
}
