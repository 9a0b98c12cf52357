/**
 * The sender against a real database and the real `resend` SDK, which talks HTTP to a local
 * Resend stand-in on 127.0.0.1 (RESEND_BASE_URL). Time is a parameter: backoff, the pace and
 * outages are crossed by moving a simulated clock, never by waiting.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { prisma } from "@/lib/db";
import { createPrismaClient } from "@/prisma/client";
import { enqueueEmails } from "@/lib/mail/outbox";
import { batchIdempotencyKey, deliverAfterCommit, deliverDueEmails, deliverEmails, type DeliveryOptions } from "@/lib/mail/sender";
import { runOutboxSweeper } from "@/lib/mail/sweeper";
import { paceOf, readDeliveryPause } from "@/lib/mail/delivery-state";
import { NOTIFICATION_RETRY } from "@/lib/mail/delivery-policy";
import { REDACTED_LINK } from "@/lib/mail/redaction";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { createApplication, createMember, createScenario } from "@/test/fixtures";
import { resendError, startResendStub, type ResendStub } from "@/test/resend-stub";

// lib/env.ts reads the environment once, at import: set the key before any import runs.
vi.hoisted(() => {
  vi.stubEnv("RESEND_API_KEY", "re_test_stub_key");
  vi.stubEnv("EMAIL_FROM", "Suivi des candidatures <ne-pas-repondre@suivi.test>");
  vi.stubEnv("EMAIL_REPLY_TO", "assistance@suivi.test");
});

let stub: ResendStub;

beforeAll(async () => {
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
});

afterAll(async () => {
  await stub.close();
  await prisma.mailDeliveryState.deleteMany({});
  vi.unstubAllEnvs();
});

beforeEach(async () => {
  stub.reset();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  vi.restoreAllMocks();
  // The sweep takes every due row of the database: rows left by other test files would be sent
  // too and blur what each test counts. Those files have finished: each worker has its own
  // database (test/global-setup.ts) and runs one file at a time. The shared pace and pause go too.
  await prisma.outboxEmail.deleteMany({});
  await prisma.mailDeliveryState.deleteMany({});
});

/**
 * A clock the sender reads and sleeps on: sleeping moves it, nothing waits. It starts a little
 * ahead of the real one, so that rows the test enqueues next (due at the database's now()) are due.
 */
function simulatedClock(start = Date.now() + 2_000) {
  let time = start;
  return {
    now: () => new Date(time),
    sleep: async (ms: number) => {
      time += ms;
    },
    advanceTo: (date: Date) => {
      time = Math.max(time, date.getTime());
    },
    elapsedMs: () => time - start,
  };
}

/** Pace off, for tests about something else. */
const fast: DeliveryOptions = { ratePerSecond: 1000 };

async function enqueue(count: number, template = "application_accepted"): Promise<string[]> {
  const batch = randomUUID().slice(0, 8);
  return enqueueEmails(
    prisma,
    Array.from({ length: count }, (_, index) => ({
      to: `destinataire-${batch}-${index}@mail.test`,
      template,
      subject: `Sujet ${batch} ${index}`,
      text: template === "sign_in" ? `Lien\u00a0: https://suivi.test/connexion/confirmer?token=secret${index}` : `Texte ${index}`,
      html: `<p>HTML ${index}</p>`,
    })),
  );
}

const rowsOf = (ids: string[]) => prisma.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
const pendingCount = (ids: string[]) => prisma.outboxEmail.count({ where: { id: { in: ids }, status: "PENDING" } });

/** Runs sweeps on the simulated clock, jumping to the next due retry, until nothing is pending. */
async function sweepUntilDone(ids: string[], clock: ReturnType<typeof simulatedClock>, options: DeliveryOptions = {}, maxRounds = 400) {
  for (let round = 0; round < maxRounds && (await pendingCount(ids)) > 0; round++) {
    await deliverDueEmails({ now: clock.now, sleep: clock.sleep, ...options });
    const next = await prisma.outboxEmail.findFirst({
      where: { id: { in: ids }, status: "PENDING" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true },
    });
    if (next) clock.advanceTo(next.nextAttemptAt);
    await clock.sleep(1_000);
  }
}

describe("a sign-in e-mail", () => {
  it("goes alone through POST /emails with its own key, from and reply-to; SENT with Resend's id, its link removed", async () => {
    const [id] = await enqueue(1, "sign_in");
    const report = await deliverEmails([id!], fast);

    expect(report).toEqual({ sent: 1, retried: 0, rateLimited: 0, failed: 0, held: 0 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      method: "POST",
      path: "/emails",
      authorization: "Bearer re_test_stub_key",
      idempotencyKey: row.idempotencyKey,
      body: {
        from: "Suivi des candidatures <ne-pas-repondre@suivi.test>",
        reply_to: "assistance@suivi.test",
        to: row.to,
        // Its outbox row, to trace a delivered copy back (and count duplicates); its template, no personal data.
        headers: { "X-Entity-Ref-ID": id },
        tags: [{ name: "template", value: "sign_in" }],
      },
    });
    expect(stub.requests[0]!.body.text).toContain("token=secret0");
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, error: null, providerId: stub.delivered()[0]!.id });
    expect(row.text).toBe(`Lien\u00a0: ${REDACTED_LINK}`);
    expect(row.bodyRedactedAt).toBeInstanceOf(Date);

    // Already sent: a second call (a double after(), a sweep) sends nothing.
    expect(await deliverEmails([id!], fast)).toMatchObject({ sent: 0 });
    expect(await deliverDueEmails(fast)).toMatchObject({ sent: 0 });
    expect(stub.requests).toHaveLength(1);
  });

  it("is claimed before notifications that were due earlier", async () => {
    const notifications = await enqueue(3);
    await prisma.outboxEmail.updateMany({ where: { id: { in: notifications } }, data: { nextAttemptAt: new Date(Date.now() - 60_000) } });
    const [signIn] = await enqueue(1, "sign_in");
    await deliverDueEmails(fast);
    expect(stub.requests.map((request) => request.path)).toEqual(["/emails", "/emails/batch"]);
    expect(stub.requests[0]!.idempotencyKey).toBe((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: signIn! } })).idempotencyKey);
  });

  it("after 3 failures of Resend (5xx), reaches the person within 10 s: retries at 1 s, 2 s, 4 s, woken by the sweeper", async () => {
    const clock = simulatedClock();
    stub.handle((_request, index) => (index < 3 ? resendError(503, "application_error", "Service unavailable") : undefined));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const [id] = await enqueue(1, "sign_in");
    const enqueuedAt = clock.now().getTime();
    const options = { now: clock.now, random: () => 1 - Number.EPSILON };

    // Right after the request (after()), then the background sweeper, on the simulated clock.
    await deliverEmails([id!], options);
    const controller = new AbortController();
    const deliveredAt: number[] = [];
    await runOutboxSweeper(controller.signal, {
      intervalMs: 10_000,
      log: () => undefined,
      delivery: {
        ...options,
        sleep: async (ms) => {
          await clock.sleep(ms);
          if (stub.delivered().length > 0 && deliveredAt.length === 0) deliveredAt.push(clock.now().getTime());
          if (deliveredAt.length > 0 || clock.elapsedMs() > 120_000) controller.abort();
        },
      },
    });

    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 4 });
    expect(stub.requests).toHaveLength(4);
    expect(new Set(stub.requests.map((request) => request.idempotencyKey))).toEqual(new Set([row.idempotencyKey]));
    expect(row.sentAt!.getTime() - enqueuedAt).toBeLessThanOrEqual(10_000);
  });
});

describe("notifications", () => {
  it("go by batches of up to 100, permissive, under a key drawn from their rows; each row gets the id Resend gave it", async () => {
    const ids = await enqueue(150);
    const report = await deliverDueEmails(fast);

    expect(report).toEqual({ sent: 150, retried: 0, rateLimited: 0, failed: 0, held: 0 });
    expect(stub.requests.map((request) => [request.path, request.emails.length, request.batchValidation])).toEqual([
      ["/emails/batch", 100, "permissive"],
      ["/emails/batch", 50, "permissive"],
    ]);
    const rows = await rowsOf(ids);
    expect(stub.requests[0]!.idempotencyKey).toBe(batchIdempotencyKey(rows.slice(0, 100)));
    expect(stub.requests[1]!.idempotencyKey).toBe(batchIdempotencyKey(rows.slice(100)));
    const idByRecipient = new Map(stub.delivered().map((email) => [email.to, email.id]));
    for (const row of rows) expect(row).toMatchObject({ status: "SENT", attempts: 1, providerId: idByRecipient.get(row.to) });
    const refByRecipient = new Map(stub.delivered().map((email) => [email.to, email.headers?.["X-Entity-Ref-ID"]]));
    for (const row of rows) expect(refByRecipient.get(row.to)).toBe(row.id);
    expect(stub.requests[0]!.body).toMatchObject({
      from: "Suivi des candidatures <ne-pas-repondre@suivi.test>",
      reply_to: "assistance@suivi.test",
    });
  });

  it("an e-mail Resend rejects inside a batch fails alone, with the reason", async () => {
    const ids = await enqueue(4);
    const rows = await rowsOf(ids);
    const refused = rows[2]!;
    stub.rejectEmail((email) => (email.to === refused.to ? "Invalid `to` field." : null));
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    expect(await deliverDueEmails(fast)).toMatchObject({ sent: 3, failed: 1 });
    const after = await rowsOf(ids);
    expect(after.map((row) => row.status)).toEqual(["SENT", "SENT", "FAILED", "SENT"]);
    expect(after[2]!.error).toBe("422 validation_error: Invalid `to` field.");
    // The ids of the others follow the request order, skipping the rejected one.
    const idByRecipient = new Map(stub.delivered().map((email) => [email.to, email.id]));
    for (const row of after.filter((row) => row.status === "SENT")) expect(row.providerId).toBe(idByRecipient.get(row.to));
  });

  it("a batch whose answer was lost (5xx after sending) comes back whole, in the same order, under the same key: sent once", async () => {
    const clock = simulatedClock();
    const ids = await enqueue(5);
    stub.handle((_request, index) => (index === 0 ? { ...resendError(500, "internal_server_error"), lostAnswer: true } : undefined));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);

    expect(await deliverDueEmails({ ...fast, now: clock.now, sleep: clock.sleep })).toMatchObject({ sent: 0, retried: 5 });
    const waiting = await rowsOf(ids);
    expect(new Set(waiting.map((row) => row.nextAttemptAt.getTime())).size).toBe(1);
    const delay = waiting[0]!.nextAttemptAt.getTime() - clock.now().getTime();
    expect(delay).toBeGreaterThanOrEqual(NOTIFICATION_RETRY.firstDelayMs / 2);
    expect(delay).toBeLessThanOrEqual(NOTIFICATION_RETRY.firstDelayMs);
    // New e-mails, due earlier than the retry, do not join the old batch (its key would change).
    const newcomers = await enqueue(2);
    await deliverDueEmails({ ...fast, now: clock.now, sleep: clock.sleep });
    expect(stub.requests[1]!.emails).toHaveLength(2);

    clock.advanceTo(waiting[0]!.nextAttemptAt);
    await deliverDueEmails({ ...fast, now: clock.now, sleep: clock.sleep });
    expect(stub.requests[2]!.idempotencyKey).toBe(stub.requests[0]!.idempotencyKey);
    expect(stub.requests[2]!.emails.map((email) => email.to)).toEqual(stub.requests[0]!.emails.map((email) => email.to));
    expect(await pendingCount([...ids, ...newcomers])).toBe(0);
    expect(stub.delivered()).toHaveLength(7);
    expect(stub.duplicates()).toBe(0);
  });

  it("a permanent 4xx of the whole request makes its rows FAILED with the error, never tried again", async () => {
    const [id] = await enqueue(1);
    stub.handle(() => resendError(422, "validation_error", "Invalid `to` field."));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

    expect(await deliverEmails([id!], fast)).toMatchObject({ sent: 0, failed: 1 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lockedUntil: null,
      sentAt: null,
      error: "422 validation_error: Invalid `to` field.",
    });
    // Logged with the row and the error, not the address.
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`email ${id} (application_accepted) FAILED`));
    expect(String(errors.mock.calls[0]?.[0])).not.toContain(row.to);

    stub.handle(null);
    expect(await deliverDueEmails({ ...fast, now: () => new Date(Date.now() + 86_400_000) })).toMatchObject({ sent: 0 });
    expect(stub.requests).toHaveLength(1);
  });

  it("a network error is retried; the last allowed attempt fails it; a row a crashed sender left at the cap is not claimed but FAILED", async () => {
    const [id, stranded] = await enqueue(2);
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.stubEnv("RESEND_BASE_URL", `http://127.0.0.1:${closedPort}`);
    expect(await deliverEmails([id!], fast)).toMatchObject({ retried: 1 });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "PENDING", attempts: 1 });

    await prisma.outboxEmail.update({
      where: { id: id! },
      data: { attempts: NOTIFICATION_RETRY.maxAttempts - 1, nextAttemptAt: new Date() },
    });
    await prisma.outboxEmail.update({ where: { id: stranded! }, data: { attempts: NOTIFICATION_RETRY.maxAttempts } });
    await deliverDueEmails(fast);
    const [last, left] = [
      await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } }),
      await prisma.outboxEmail.findUniqueOrThrow({ where: { id: stranded! } }),
    ];
    expect(last).toMatchObject({ status: "FAILED", attempts: NOTIFICATION_RETRY.maxAttempts });
    expect(last.error).toContain("réseau");
    expect(left).toMatchObject({ status: "FAILED", attempts: NOTIFICATION_RETRY.maxAttempts });
    expect(left.error).toContain("abandonné");
  });
});

describe("the pace (RESEND_RATE_LIMIT)", () => {
  it("is shared by every sender through the database: requests leave 1/rate apart, whichever process sends them", async () => {
    const clock = simulatedClock();
    const ids = await enqueue(4, "sign_in");
    const sentAt: number[] = [];
    stub.handle(() => {
      sentAt.push(clock.now().getTime());
      return undefined;
    });
    const other = createPrismaClient(process.env.DATABASE_URL!, { embedded: process.env.EMBEDDED_DATABASE === "1" });
    try {
      for (const [index, id] of ids.entries()) {
        await deliverEmails([id], { now: clock.now, sleep: clock.sleep, ratePerSecond: 2, db: index % 2 ? other : prisma });
      }
    } finally {
      await other.$disconnect();
    }
    // 2 per second: 500 ms apart, and never a third request within a second of the answer two requests back.
    expect(paceOf(2)).toEqual({ requests: 2, windowMs: 1_000, spacingMs: 500 });
    expect(sentAt.map((time) => time - sentAt[0]!)).toEqual([0, 500, 1_005, 1_505]);
  });

  it("a 429 spends no attempt, and every sender waits as Resend says (retry-after)", async () => {
    const clock = simulatedClock();
    const ids = await enqueue(3);
    stub.handle((_request, index) =>
      index === 0 ? { ...resendError(429, "rate_limit_exceeded", "Too many requests"), headers: { "retry-after": "7" } } : undefined,
    );
    vi.spyOn(console, "warn").mockImplementation(() => undefined);

    const report = await deliverDueEmails({ now: clock.now, sleep: clock.sleep, ratePerSecond: 2 });
    expect(report).toEqual({ sent: 3, retried: 0, rateLimited: 3, failed: 0, held: 0 });
    expect(clock.elapsedMs()).toBeGreaterThanOrEqual(7_000);
    expect((await rowsOf(ids)).map((row) => [row.status, row.attempts])).toEqual([
      ["SENT", 1],
      ["SENT", 1],
      ["SENT", 1],
    ]);
    expect(stub.requests[1]!.idempotencyKey).toBe(stub.requests[0]!.idempotencyKey);
  });
});

describe("a configuration error (key, domain, quota)", () => {
  it("the key is rotated (401): sending pauses, nothing FAILED, no attempt spent; a probe a minute; resumes with the new key", async () => {
    const clock = simulatedClock();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    stub.handle((request) =>
      request.authorization === "Bearer re_new_key" ? undefined : resendError(401, "invalid_api_key", "API key is invalid"),
    );
    const ids = [...(await enqueue(3)), ...(await enqueue(1, "sign_in"))];
    const at = (options: DeliveryOptions = {}) => ({ ...fast, now: clock.now, sleep: clock.sleep, ...options });

    expect(await deliverDueEmails(at())).toMatchObject({ sent: 0, failed: 0, held: 1 });
    expect(await readDeliveryPause(prisma)).toMatchObject({ reason: "401 invalid_api_key: API key is invalid" });
    for (const row of await rowsOf(ids)) expect(row).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });
    expect(stub.requests).toHaveLength(1);

    // Paused: neither the after-commit path nor the sweep sends, until the probe's minute.
    const more = await enqueue(2);
    expect(await deliverEmails(more, at())).toMatchObject({ sent: 0 });
    await clock.sleep(30_000);
    await deliverDueEmails(at());
    expect(stub.requests).toHaveLength(1);

    // A minute later: one probe, still refused; still nothing spent.
    await clock.sleep(31_000);
    await deliverDueEmails(at());
    await deliverDueEmails(at());
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[1]!.path).toBe("/emails");
    for (const row of await rowsOf([...ids, ...more])) expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
    // The loud line, once per minute whoever sweeps.
    expect(errors.mock.calls.filter(([line]) => String(line).includes("SENDING PAUSED since"))).toHaveLength(1);

    // The new key is deployed (a restarted process): the next probe goes through and everything leaves.
    await clock.sleep(61_000);
    const report = await deliverDueEmails(at({ apiKey: "re_new_key" }));
    expect(report).toMatchObject({ sent: 6, failed: 0 });
    expect(await readDeliveryPause(prisma)).toBeNull();
    expect(await pendingCount([...ids, ...more])).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { status: "FAILED" } })).toBe(0);
    expect(stub.delivered()).toHaveLength(6);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("sending RESUMED"));
  });

  it.each([
    [403, "validation_error", "The suivi.test domain is not verified."],
    [429, "daily_quota_exceeded", "You have reached your daily email sending quota."],
  ])("%i %s pauses too", async (status, name, message) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    stub.handle(() => resendError(status, name, message));
    const ids = await enqueue(2);
    expect(await deliverDueEmails(fast)).toMatchObject({ held: 2, failed: 0 });
    expect(await readDeliveryPause(prisma)).toMatchObject({ reason: `${status} ${name}: ${message}` });
    for (const row of await rowsOf(ids)) expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});

describe("outages", () => {
  it("Resend down for 10 simulated minutes (some answers lost after sending), then back: every e-mail delivered exactly once", async () => {
    const clock = simulatedClock();
    const backAt = clock.now().getTime() + 10 * 60_000;
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    stub.handle((_request, index) =>
      clock.now().getTime() < backAt
        ? { ...resendError(503, "application_error", "Service unavailable"), lostAnswer: index % 3 === 0 }
        : undefined,
    );
    const ids = [...(await enqueue(230)), ...(await enqueue(3, "sign_in"))];

    await sweepUntilDone(ids, clock, { ratePerSecond: 2 });

    const rows = await rowsOf(ids);
    expect(rows.filter((row) => row.status !== "SENT")).toEqual([]);
    expect(clock.elapsedMs()).toBeGreaterThanOrEqual(10 * 60_000);
    expect(stub.delivered()).toHaveLength(233);
    expect(stub.duplicates()).toBe(0);
  });
});

describe("claims", () => {
  it("two sweeps on two connection pools and a slow Resend: each row sent once", async () => {
    const ids = await enqueue(12);
    // Slow answers keep both sweeps busy at the same time.
    stub.handle(() => ({ status: 200, delayMs: 100 }));
    const other = createPrismaClient(process.env.DATABASE_URL!, { embedded: process.env.EMBEDDED_DATABASE === "1" });
    try {
      await other.$queryRaw`SELECT 1`;
      // Small batches, so that the two sweeps interleave claim after claim.
      const [first, second, direct] = await Promise.all([
        deliverDueEmails({ ...fast, batchSize: 2 }),
        deliverDueEmails({ ...fast, batchSize: 2, db: other }),
        deliverEmails(ids.slice(0, 6), fast),
      ]);
      expect(first.sent + second.sent + direct.sent).toBe(12);
    } finally {
      await other.$disconnect();
    }
    const rows = await rowsOf(ids);
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
    expect(stub.delivered()).toHaveLength(12);
    expect(stub.duplicates()).toBe(0);
    expect(new Set(stub.requests.map((request) => request.idempotencyKey)).size).toBe(stub.requests.length);
  });

  it("a sender waiting long for its slot keeps its rows: the lease is extended, another sender cannot take them", async () => {
    const clock = simulatedClock();
    const ids = await enqueue(2);
    // Another process was told to wait 2 minutes (a 429): the next slot is far off.
    await prisma.$executeRaw`INSERT INTO "MailDeliveryState" ("id", "nextSendAt") VALUES (1, ${new Date(clock.now().getTime() + 120_000)})`;
    const seenByOther: number[] = [];
    await deliverDueEmails({
      now: clock.now,
      ratePerSecond: 2,
      sleep: async (ms) => {
        // Halfway through the wait, past the first lease, a second sender sweeps.
        await clock.sleep(ms / 2);
        seenByOther.push((await deliverDueEmails({ now: clock.now, sleep: clock.sleep, ratePerSecond: 2 })).sent);
        await clock.sleep(ms / 2);
      },
    });
    expect(seenByOther).toEqual([0]);
    expect(stub.requests).toHaveLength(1);
    expect((await rowsOf(ids)).every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
  });

  it("a claim held by a sender that crashed expires, and the row is then sent", async () => {
    const [id] = await enqueue(1, "sign_in");
    const now = new Date();
    // As if another process had claimed it and died before settling it.
    await prisma.outboxEmail.update({ where: { id: id! }, data: { attempts: 1, lockedUntil: new Date(now.getTime() + 60_000) } });

    expect(await deliverDueEmails({ ...fast, now: () => now })).toMatchObject({ sent: 0 });
    expect(await deliverEmails([id!], { ...fast, now: () => now })).toMatchObject({ sent: 0 });
    expect(stub.requests).toHaveLength(0);

    expect(await deliverDueEmails({ ...fast, now: () => new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(stub.requests.map((request) => request.idempotencyKey)).toEqual([row.idempotencyKey]);
  });
});

describe("deliverAfterCommit", () => {
  it("outside a request, delivers in the background without being awaited", async () => {
    await prisma.$executeRaw`INSERT INTO "MailDeliveryState" ("id", "nextSendAt") VALUES (1, now())`;
    const ids = await enqueue(2);
    expect(deliverAfterCommit(ids)).toBeUndefined();
    await vi.waitFor(async () => expect(await prisma.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(2), {
      timeout: 5_000,
    });
    expect(stub.delivered()).toHaveLength(2);
  });
});

describe("notifications through Resend", () => {
  const decided = {
    send: {},
    process: { status: "PROCESSING" },
    postpone: { status: "POSTPONED", answerToCandidate: "Plus tard." },
    accept: { status: "ACCEPTED", answerToCandidate: "Bienvenue.", hiringStartDate: new Date("2027-01-04") },
    refuse: { status: "REFUSED", refusalReason: "NOT_ELIGIBLE", answerToCandidate: "Désolés.", answerToPrescriber: "Privé." },
    cancel: { status: "CANCELLED" },
    render_obsolete: { status: "OBSOLETE" },
  } as const;

  it.each(Object.keys(decided) as (keyof typeof decided)[])(
    "%s: Resend receives exactly the emails of DESIGN §5, once each",
    async (event) => {
      const { employerOrg, prescriber, employer, candidate } = await createScenario();
      const colleague = await createMember(employerOrg);
      const application = await createApplication({
        candidateId: candidate.id,
        sender: prescriber.ctx,
        employerOrganizationId: employerOrg.id,
      });
      await prisma.jobApplication.update({ where: { id: application.id }, data: decided[event] });

      const ids = await prisma.$transaction((tx) =>
        notifyApplicationEvent(tx, { event, applicationId: application.id, baseUrl: "http://localhost:3105" }),
      );
      await deliverEmails(ids, fast);
      await deliverDueEmails(fast);

      const expected = {
        send: [candidate.email, prescriber.user.email, employer.user.email, colleague.user.email],
        process: [],
        postpone: [candidate.email, prescriber.user.email],
        accept: [candidate.email, prescriber.user.email],
        refuse: [candidate.email, prescriber.user.email],
        cancel: [candidate.email, prescriber.user.email],
        render_obsolete: [prescriber.user.email, employer.user.email, colleague.user.email],
      }[event];
      expect(
        stub
          .delivered()
          .map((email) => email.to)
          .sort(),
      ).toEqual([...expected].sort());
      expect(await prisma.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(expected.length);
      if (event === "refuse") {
        const toCandidate = stub.delivered().find((email) => email.to === candidate.email)!;
        expect(`${toCandidate.subject}${toCandidate.text}${toCandidate.html}`).not.toMatch(/non éligible|Privé/);
        expect(stub.delivered().find((email) => email.to === prescriber.user.email)!.text).toContain("Candidat non éligible");
      }
    },
  );
});
