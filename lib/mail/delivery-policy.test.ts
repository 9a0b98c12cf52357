import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  classifyError,
  describeError,
  explainDeliveryError,
  NOTIFICATION_RETRY,
  rateLimitWaitMs,
  RETRY_WINDOW_MS,
  SIGN_IN_RETRY,
  SIGN_IN_RETRY_WINDOW_MS,
} from "@/lib/mail/delivery-policy";

describe("classifyError", () => {
  it.each([
    [{ statusCode: null, name: "application_error", message: "Unable to fetch data." }, "transient"],
    [{ statusCode: 500, name: "internal_server_error", message: "" }, "transient"],
    [{ statusCode: 502, name: "application_error", message: "Bad gateway" }, "transient"],
    [{ statusCode: 409, name: "concurrent_idempotent_requests", message: "" }, "transient"],
    [{ statusCode: 429, name: "rate_limit_exceeded", message: "" }, "rate_limited"],
    // Spent quotas, keys and domains concern every e-mail: the outbox pauses.
    [{ statusCode: 429, name: "daily_quota_exceeded", message: "" }, "configuration"],
    [{ statusCode: 429, name: "monthly_quota_exceeded", message: "" }, "configuration"],
    [{ statusCode: 401, name: "missing_api_key", message: "" }, "configuration"],
    [{ statusCode: 403, name: "invalid_api_key", message: "" }, "configuration"],
    [{ statusCode: 401, name: "restricted_api_key", message: "" }, "configuration"],
    [{ statusCode: 403, name: "validation_error", message: "The domain is not verified." }, "configuration"],
    [{ statusCode: 422, name: "invalid_from_address", message: "" }, "configuration"],
    // One e-mail's own problem.
    [{ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }, "permanent"],
    [{ statusCode: 409, name: "invalid_idempotent_request", message: "" }, "permanent"],
    [{ statusCode: 400, name: "invalid_parameter", message: "" }, "permanent"],
    // A JSON error body without statusCode: by name, and unknown = retry rather than lose the email.
    [{ name: "validation_error", message: "" }, "permanent"],
    [{ name: "rate_limit_exceeded", message: "" }, "rate_limited"],
    [{ name: "invalid_api_key", message: "" }, "configuration"],
    [{ message: "bad gateway" }, "transient"],
  ])("%o → %s", (error, expected) => {
    expect(classifyError(error as never)).toBe(expected);
  });
});

describe("backoffDelayMs", () => {
  const highest = () => 1 - Number.EPSILON;
  const lowest = () => 0;

  it("sign-in: 1 s, 2 s, 4 s… up to 1 min, jittered down to half", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempts) => backoffDelayMs(attempts, SIGN_IN_RETRY, highest))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect([1, 2, 3, 7].map((attempts) => backoffDelayMs(attempts, SIGN_IN_RETRY, lowest))).toEqual([500, 1_000, 2_000, 30_000]);
  });

  it("notifications: 10 s, 20 s, 40 s… up to 1 h", () => {
    expect([1, 2, 3, 9, 10, 50].map((attempts) => backoffDelayMs(attempts, NOTIFICATION_RETRY, highest))).toEqual([
      10_000, 20_000, 40_000, 2_560_000, 3_600_000, 3_600_000,
    ]);
  });

  it("gives up after about 72 h of notifications, and once a sign-in link would have expired", () => {
    const total = (schedule: typeof SIGN_IN_RETRY, random: () => number) =>
      Array.from({ length: schedule.maxAttempts - 1 }, (_, index) => backoffDelayMs(index + 1, schedule, random)).reduce(
        (a, b) => a + b,
        0,
      );
    const middle = () => 0.5;
    expect(total(NOTIFICATION_RETRY, middle)).toBeLessThan(RETRY_WINDOW_MS);
    expect(
      total(NOTIFICATION_RETRY, middle) + backoffDelayMs(NOTIFICATION_RETRY.maxAttempts, NOTIFICATION_RETRY, middle),
    ).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(total(SIGN_IN_RETRY, middle)).toBeLessThan(SIGN_IN_RETRY_WINDOW_MS);
  });
});

describe("rateLimitWaitMs", () => {
  it("waits as Resend says: retry-after, else ratelimit-reset, in seconds; else one second", () => {
    expect(rateLimitWaitMs({ "retry-after": "2" })).toBe(2_000);
    expect(rateLimitWaitMs({ "ratelimit-reset": "1" })).toBe(1_000);
    expect(rateLimitWaitMs({ "retry-after": "3", "ratelimit-reset": "1" })).toBe(3_000);
    expect(rateLimitWaitMs({ "retry-after": "soon" })).toBe(1_000);
    expect(rateLimitWaitMs({ "retry-after": "86400" })).toBe(1_000);
    expect(rateLimitWaitMs(null)).toBe(1_000);
  });
});

describe("describeError", () => {
  it("says whether the network or Resend failed, and how", () => {
    expect(describeError({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." })).toBe(
      "422 validation_error: Invalid `to` field.",
    );
    expect(describeError({ statusCode: null, name: "application_error", message: "Unable to fetch data." })).toBe(
      "réseau application_error: Unable to fetch data.",
    );
  });
});

describe("explainDeliveryError", () => {
  it("tells an admin in French what the stored reason means", () => {
    const stored = (error: Parameters<typeof describeError>[0]) => explainDeliveryError(describeError(error));
    expect(stored({ statusCode: 422, name: "validation_error", message: "The to field is invalid." })).toBe(
      "Le service d'envoi a refusé cet e-mail\u00a0: l'adresse du destinataire est sans doute invalide.",
    );
    expect(stored({ statusCode: null, name: "application_error", message: "fetch failed" })).toBe(
      "Le service d'envoi est resté injoignable après plusieurs tentatives.",
    );
    expect(stored({ statusCode: 500, name: "internal_server_error", message: "Oops" })).toBe(
      "Le service d'envoi est resté injoignable après plusieurs tentatives.",
    );
    expect(stored({ statusCode: 403, name: "security_error", message: "Blocked" })).toBe(
      "Le service d'envoi a refusé cet e-mail pour une raison de sécurité.",
    );
    expect(explainDeliveryError("something else")).toBe("Le service d'envoi a refusé cet e-mail.");
  });
});
