/**
 * The sender against a real database and the real `resend` SDK, which talks HTTP to a local
 * Resend stand-in on 127.0.0.1 (RESEND_BASE_URL). Time is a parameter: backoff is crossed by
 * moving the clock, not by waiting.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { prisma } from "@/lib/db";
import { createPrismaClient } from "@/prisma/client";
import { enqueueEmails } from "@/lib/mail/outbox";
import { deliverAfterCommit, deliverDueEmails, deliverEmails } from "@/lib/mail/sender";
import { MAX_ATTEMPTS } from "@/lib/mail/delivery-policy";
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
  vi.unstubAllEnvs();
});

beforeEach(async () => {
  stub.reset();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  // The sweep takes every due row of the database: rows left by other test files would be sent
  // too and blur what each test counts. Those files have finished: each worker has its own
  // database (test/global-setup.ts) and runs one file at a time.
  await prisma.outboxEmail.deleteMany({});
});

async function enqueue(count: number): Promise<string[]> {
  const batch = randomUUID().slice(0, 8);
  return enqueueEmails(
    prisma,
    Array.from({ length: count }, (_, index) => ({
      to: `destinataire-${batch}-${index}@mail.test`,
      template: "application_accepted",
      subject: `Sujet ${batch} ${index}`,
      text: `Texte ${index}`,
      html: `<p>HTML ${index}</p>`,
    })),
  );
}

const rowsOf = (ids: string[]) => prisma.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: { to: "asc" } });

function requestsByKey() {
  const byKey = new Map<string, number>();
  for (const request of stub.requests) byKey.set(request.idempotencyKey ?? "", (byKey.get(request.idempotencyKey ?? "") ?? 0) + 1);
  return byKey;
}

describe("deliverEmails", () => {
  it("sends a row through the SDK with from, reply-to, its content and its idempotency key, then marks it SENT", async () => {
    const [id] = await enqueue(1);
    const report = await deliverEmails([id!]);

    expect(report).toEqual({ sent: 1, retried: 0, failed: 0 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({
      method: "POST",
      path: "/emails",
      authorization: "Bearer re_test_stub_key",
      idempotencyKey: row.idempotencyKey,
      body: {
        from: "Suivi des candidatures <ne-pas-repondre@suivi.test>",
        reply_to: "assistance@suivi.test",
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
      },
    });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, error: null });
    expect(row.providerId).toMatch(/^stub-email-/);
    expect(row.sentAt).toBeInstanceOf(Date);

    // Already sent: a second call (a double after(), a sweep) sends nothing.
    expect(await deliverEmails([id!])).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(stub.requests).toHaveLength(1);
  });

  it("retries 5xx answers with exponential backoff until the stub recovers: each email delivered once, one key per email", async () => {
    const ids = await enqueue(3);
    // The first 7 requests fail, whatever they are.
    stub.handle((_request, index) => (index < 7 ? resendError(500, "internal_server_error", "Resend is down") : undefined));
    let now = new Date();
    const clock = () => now;

    expect(await deliverEmails(ids, { now: clock })).toEqual({ sent: 0, retried: 3, failed: 0 });
    for (const row of await rowsOf(ids)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
      expect(row.error).toContain("500 internal_server_error");
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
    }
    // Not due yet: the sweep leaves them alone.
    expect(await deliverDueEmails({ now: clock })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(stub.requests).toHaveLength(3);

    const delays: number[] = [];
    for (let round = 0; round < 10 && (await prisma.outboxEmail.count({ where: { id: { in: ids }, status: "PENDING" } })) > 0; round++) {
      const due = Math.max(...(await rowsOf(ids)).map((row) => row.nextAttemptAt.getTime()));
      delays.push(due - now.getTime());
      now = new Date(due);
      await deliverDueEmails({ now: clock });
    }

    const rows = await rowsOf(ids);
    expect(rows.every((row) => row.status === "SENT" && row.error === null)).toBe(true);
    // 3 + 3 failures then 1 more: attempts 3, 3 and 3 or 4 depending on order; never more than needed.
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(stub.requests.length);
    expect(stub.requests).toHaveLength(10);
    // The backoff doubles: 30 s, then 60 s…
    expect(delays.slice(0, 2)).toEqual([30_000, 60_000]);
    // Every request of a row carried that row's key, and Resend accepted each key exactly once.
    const byKey = requestsByKey();
    expect([...byKey.keys()].sort()).toEqual(rows.map((row) => row.idempotencyKey).sort());
    expect(stub.delivered()).toHaveLength(3);
    expect(stub.requests.filter((_r, index) => index >= 7)).toHaveLength(3);
    for (const row of rows) expect(byKey.get(row.idempotencyKey)).toBe(row.attempts);
  });

  it("retries a network error (nothing listening) and a 429, honouring Retry-After", async () => {
    const [id] = await enqueue(1);
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    vi.stubEnv("RESEND_BASE_URL", `http://127.0.0.1:${closedPort}`);
    const now = new Date();
    expect(await deliverEmails([id!], { now: () => now })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.error).toContain("réseau");

    vi.stubEnv("RESEND_BASE_URL", stub.url);
    stub.handle(() => ({ ...resendError(429, "rate_limit_exceeded", "Too many requests"), headers: { "retry-after": "7" } }));
    const later = new Date(now.getTime() + 30_000);
    expect(await deliverDueEmails({ now: () => later })).toEqual({ sent: 0, retried: 1, failed: 0 });
    row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row.nextAttemptAt.getTime()).toBe(later.getTime() + 7_000);

    stub.handle(null);
    expect(await deliverDueEmails({ now: () => new Date(later.getTime() + 7_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(stub.requests.map((request) => request.idempotencyKey)).toEqual([row.idempotencyKey, row.idempotencyKey]);
  });

  it("marks a permanent 4xx FAILED with the error, and never tries it again", async () => {
    const [id] = await enqueue(1);
    stub.handle(() => resendError(422, "validation_error", "Invalid `to` field."));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const now = new Date();

    expect(await deliverEmails([id!], { now: () => now })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, lockedUntil: null, sentAt: null });
    expect(row.error).toBe("422 validation_error: Invalid `to` field.");
    // Logged for whoever watches the logs, with the row and the error but not the address.
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`email ${id} (application_accepted) FAILED`));
    expect(String(errors.mock.calls[0]?.[0])).not.toContain(row.to);
    errors.mockRestore();

    stub.handle(null);
    expect(await deliverDueEmails({ now: () => new Date(now.getTime() + 86_400_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverEmails([id!])).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(stub.requests).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts of a failure that does not end`, async () => {
    const [id] = await enqueue(1);
    stub.handle(() => resendError(503, "application_error", "Service unavailable"));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let now = new Date();
    await deliverEmails([id!], { now: () => now });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      now = new Date(now.getTime() + 3_600_000);
      await deliverDueEmails({ now: () => now });
    }
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(row.error).toContain("503");
    expect(stub.requests).toHaveLength(MAX_ATTEMPTS);
    expect(errors).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});

describe("claims", () => {
  it("two sweeps running at the same time, on two connections pools, send each row once", async () => {
    const ids = await enqueue(12);
    // Slow answers keep both sweeps busy at the same time.
    stub.handle(() => ({ status: 200, delayMs: 25 }));
    const other = createPrismaClient(process.env.DATABASE_URL!, { embedded: process.env.EMBEDDED_DATABASE === "1" });
    try {
      await other.$queryRaw`SELECT 1`;
      // Small batches, so that the two sweeps interleave claim after claim.
      const [first, second, direct] = await Promise.all([
        deliverDueEmails({ batchSize: 2 }),
        deliverDueEmails({ batchSize: 2, db: other }),
        deliverEmails(ids.slice(0, 6)),
      ]);
      expect(first.sent).toBeGreaterThan(0);
      expect(second.sent).toBeGreaterThan(0);
      expect(first.sent + second.sent + direct.sent).toBe(12);
    } finally {
      await other.$disconnect();
    }
    const rows = await rowsOf(ids);
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
    expect(stub.requests).toHaveLength(12);
    expect(new Set(stub.requests.map((request) => request.idempotencyKey)).size).toBe(12);
  });

  it("a claim held by a sender that crashed expires, and the row is then sent with the same key", async () => {
    const [id] = await enqueue(1);
    const now = new Date();
    // As if another process had claimed it and died before settling it.
    await prisma.outboxEmail.update({ where: { id: id! }, data: { attempts: 1, lockedUntil: new Date(now.getTime() + 60_000) } });

    expect(await deliverDueEmails({ now: () => now })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverEmails([id!], { now: () => now })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(stub.requests).toHaveLength(0);

    expect(await deliverDueEmails({ now: () => new Date(now.getTime() + 61_000) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(stub.requests.map((request) => request.idempotencyKey)).toEqual([row.idempotencyKey]);
  });
});

describe("deliverAfterCommit", () => {
  it("outside a request, delivers in the background without being awaited", async () => {
    const ids = await enqueue(2);
    expect(deliverAfterCommit(ids)).toBeUndefined();
    await vi.waitFor(async () => expect(await prisma.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(2), {
      timeout: 5_000,
    });
    expect(stub.requests).toHaveLength(2);
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
      await deliverEmails(ids);
      await deliverDueEmails();

      const expected = {
        send: [candidate.email, prescriber.user.email, employer.user.email, colleague.user.email],
        process: [],
        postpone: [candidate.email, prescriber.user.email],
        accept: [candidate.email, prescriber.user.email],
        refuse: [candidate.email, prescriber.user.email],
        cancel: [candidate.email, prescriber.user.email],
        render_obsolete: [prescriber.user.email, employer.user.email, colleague.user.email],
      }[event];
      expect(stub.requests.map((request) => request.body.to).sort()).toEqual([...expected].sort());
      expect(await prisma.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(expected.length);
      if (event === "refuse") {
        const toCandidate = stub.requests.find((request) => request.body.to === candidate.email)!;
        expect(`${toCandidate.body.subject}${toCandidate.body.text}${toCandidate.body.html}`).not.toMatch(/non éligible|Privé/);
        expect(stub.requests.find((request) => request.body.to === prescriber.user.email)!.body.text).toContain("Candidat non éligible");
      }
    },
  );
});
