import { describe, expect, it } from "vitest";
import { backoffDelayMs, describeError, isRetryable, retryAfterMs } from "@/lib/mail/delivery-policy";

describe("isRetryable", () => {
  it.each([
    [{ statusCode: null, name: "application_error", message: "Unable to fetch data." }, true],
    [{ statusCode: 429, name: "rate_limit_exceeded", message: "" }, true],
    [{ statusCode: 429, name: "daily_quota_exceeded", message: "" }, true],
    [{ statusCode: 500, name: "internal_server_error", message: "" }, true],
    [{ statusCode: 502, name: "application_error", message: "Bad gateway" }, true],
    [{ statusCode: 409, name: "concurrent_idempotent_requests", message: "" }, true],
    [{ statusCode: 409, name: "invalid_idempotent_request", message: "" }, false],
    [{ statusCode: 422, name: "validation_error", message: "" }, false],
    [{ statusCode: 403, name: "invalid_from_address", message: "" }, false],
    [{ statusCode: 401, name: "missing_api_key", message: "" }, false],
    [{ statusCode: 400, name: "invalid_parameter", message: "" }, false],
    // A JSON error body without statusCode: by name, and unknown = retry rather than lose the email.
    [{ name: "validation_error", message: "" }, false],
    [{ name: "rate_limit_exceeded", message: "" }, true],
    [{ message: "bad gateway" }, true],
  ])("%o → %s", (error, expected) => {
    expect(isRetryable(error as never)).toBe(expected);
  });
});

describe("backoffDelayMs", () => {
  it("doubles from 30 s and stops at 1 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map(backoffDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe("retryAfterMs", () => {
  it("reads Resend's Retry-After in seconds, within reason", () => {
    expect(retryAfterMs({ "retry-after": "2" })).toBe(2_000);
    expect(retryAfterMs({ "retry-after": "soon" })).toBeNull();
    expect(retryAfterMs({ "retry-after": "86400" })).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
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
