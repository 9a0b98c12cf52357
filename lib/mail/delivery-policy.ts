import { HOUR_MS, SECOND_MS } from "@/lib/time";
// What to do after one delivery attempt: pure rules, shared by the sender and its tests.

/** After this many attempts a retryable failure becomes FAILED (~6 h of backoff in all). */
export const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 30 * SECOND_MS;
const MAX_DELAY_MS = HOUR_MS;

/**
 * Delay before attempt `attempts + 1`: 30 s, 1 min, 2 min… capped at 1 h. The whole schedule stays
 * well under Resend's 24 h idempotency window, so a retry of an email that did go out is deduplicated.
 */
export function backoffDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/** The SDK's error shape: statusCode null means the request never got an HTTP answer. */
export interface ProviderError {
  statusCode: number | null;
  name: string;
  message: string;
}

// Resend answers 409 "concurrent_idempotent_requests" while a request with the same key is in flight.
const RETRYABLE_NAMES = new Set([
  "rate_limit_exceeded",
  "daily_quota_exceeded",
  "monthly_quota_exceeded",
  "concurrent_idempotent_requests",
  "internal_server_error",
  "application_error",
]);

/** Network errors, 429 and 5xx are worth retrying; any other 4xx will fail the same way again. */
export function isRetryable(error: ProviderError): boolean {
  // null: no HTTP answer at all (the SDK's network error).
  if (error.statusCode === null) return true;
  if (typeof error.statusCode === "number") {
    const status = error.statusCode;
    if (status === 429 || status >= 500) return true;
    if (status === 409) return error.name === "concurrent_idempotent_requests";
    return status < 400;
  }
  // A JSON error body without statusCode (e.g. from a proxy): judge by Resend's error name, and
  // retry what we cannot recognise rather than lose the email.
  return typeof error.name !== "string" || RETRYABLE_NAMES.has(error.name) || !KNOWN_PERMANENT_NAMES.has(error.name);
}

const KNOWN_PERMANENT_NAMES = new Set([
  "invalid_idempotency_key",
  "validation_error",
  "missing_api_key",
  "restricted_api_key",
  "invalid_api_key",
  "not_found",
  "method_not_allowed",
  "invalid_idempotent_request",
  "invalid_attachment",
  "invalid_from_address",
  "invalid_access",
  "invalid_parameter",
  "invalid_region",
  "missing_required_field",
  "security_error",
]);

/** Resend's Retry-After (seconds) on a 429, when it gives one and it is sensible. */
export function retryAfterMs(headers: Record<string, string> | null | undefined): number | null {
  const value = headers?.["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 && seconds * SECOND_MS <= HOUR_MS ? seconds * SECOND_MS : null;
}

export function describeError(error: ProviderError): string {
  return `${error.statusCode ?? "réseau"} ${error.name}: ${error.message}`.slice(0, 1000);
}
