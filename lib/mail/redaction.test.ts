/**
 * No usable link at rest, on a real database and through the real `resend` SDK (talking to a local
 * stand-in): once an email is SENT, its row no longer holds the sign-in or candidate link, while
 * the link the person received still works.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { sendSignInLink } from "@/lib/auth/sign-in-email";
import { getCandidateStatus } from "@/lib/candidate-status";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { deliverEmails } from "@/lib/mail/sender";
import { confirmationLink } from "@/lib/auth/sign-in-link";
import { REDACTED_LINK, redactSecretLinks, SECRET_LINK_PATHS, SECRET_LINK_PATTERN, secretLinkPattern } from "@/lib/mail/redaction";
import { readMigrations } from "@/prisma/migrate-deploy";
import { createApplication, createMember, createScenario } from "@/test/fixtures";
import { resendError, startResendStub, type ResendStub } from "@/test/resend-stub";

// lib/env.ts reads the environment once, at import: the key must be set before any import runs.
vi.hoisted(() => {
  vi.stubEnv("RESEND_API_KEY", "re_test_stub_key");
  // The pace is tested in sender.test.ts; here it would only slow the file down.
  vi.stubEnv("RESEND_RATE_LIMIT", "1000");
});

const BASE_URL = "https://suivi.example.test";
let stub: ResendStub;

beforeAll(async () => {
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
});
afterAll(async () => {
  await stub.close();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  stub.reset();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
});

const deliveredTo = (to: string) =>
  stub.delivered().filter((email) => email.to === to || (Array.isArray(email.to) && email.to.includes(to)));

/** A sign-in request as next-auth makes it: a verification token stored hashed, the raw token in the URL. */
async function nextAuthSignInRequest(email: string) {
  const token = randomBytes(32).toString("hex");
  await prisma.verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${env.AUTH_SECRET}`).digest("hex"),
      expires: new Date(Date.now() + 24 * 3600_000),
    },
  });
  const url = `${BASE_URL}/api/auth/callback/resend?${new URLSearchParams({ callbackUrl: `${BASE_URL}/dashboard`, token, email })}`;
  return { token, url };
}

describe("a sent sign-in email", () => {
  it("reaches the person with the working link, and its row keeps no token", async () => {
    const scenario = await createScenario();
    const email = scenario.prescriber.user.email;
    const { token, url } = await nextAuthSignInRequest(email);

    expect(await sendSignInLink(email, url)).toBe(true);

    // What Resend was given carries the confirmation link made from next-auth's…
    const [delivered] = deliveredTo(email);
    expect(delivered?.text).toContain(confirmationLink(url));
    const receivedToken = new URL(delivered!.text!.match(/https?:\/\/\S+\/connexion\/confirmer\S+/)![0]).searchParams.get("token");
    expect(receivedToken).toBe(token);
    // …and that token still matches next-auth's stored (hashed) verification token: the link works.
    const hashed = createHash("sha256").update(`${receivedToken}${env.AUTH_SECRET}`).digest("hex");
    expect(await prisma.verificationToken.findUnique({ where: { identifier_token: { identifier: email, token: hashed } } })).not.toBeNull();

    // The row: SENT, the link gone from text and HTML, the rest of the message intact.
    const row = await prisma.outboxEmail.findFirstOrThrow({
      where: { to: email, template: "sign_in", userId: scenario.prescriber.user.id },
    });
    expect(row.status).toBe("SENT");
    expect(row.bodyRedactedAt).toBeInstanceOf(Date);
    for (const body of [row.text, row.html]) {
      expect(body).not.toContain(token);
      expect(body).not.toContain("/api/auth/callback/");
      expect(body).not.toContain("/connexion/confirmer");
      expect(body).toContain(REDACTED_LINK);
    }
    expect(row.text).toContain("Pour vous connecter");
  });

  it("keeps its link while it could not be delivered (FAILED), so that «\u00a0Renvoyer\u00a0» sends it again", async () => {
    const scenario = await createScenario();
    const email = scenario.prescriber.user.email;
    const { token, url } = await nextAuthSignInRequest(email);
    stub.handle(() => resendError(422, "validation_error", "Invalid `to` field."));

    await sendSignInLink(email, url);

    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: "sign_in" } });
    expect(row.status).toBe("FAILED");
    expect(row.bodyRedactedAt).toBeNull();
    expect(row.text).toContain(token);
  });
});

describe("an email whose body the retention job emptied", () => {
  it("is never sent, even if it was still waiting (kept without a Resend key, then a key was set)", async () => {
    const row = await prisma.outboxEmail.create({
      data: {
        to: "purge@mail.test",
        template: "application_received",
        subject: "Sujet",
        text: "",
        html: "",
        idempotencyKey: `test-${randomBytes(8).toString("hex")}`,
        bodyPurgedAt: new Date(),
      },
    });
    expect(await deliverEmails([row.id])).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(stub.requests).toHaveLength(0);
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
  });
});

describe("a sent candidate email", () => {
  it("gives the candidate a working personal link, which no outbox row holds once sent", async () => {
    const { prescriber, employerOrg, candidate } = await createScenario();
    await createMember(employerOrg);
    const application = await createApplication({
      candidateId: candidate.id,
      sender: prescriber.ctx,
      employerOrganizationId: employerOrg.id,
    });
    const ids = await prisma.$transaction((tx) =>
      notifyApplicationEvent(tx, { event: "send", applicationId: application.id, baseUrl: BASE_URL }),
    );

    expect(await deliverEmails(ids)).toMatchObject({ sent: ids.length, failed: 0 });

    const [delivered] = deliveredTo(candidate.email!);
    const link = delivered!.text!.match(/https:\/\/suivi\.example\.test\/c\/[A-Za-z0-9_-]+/)![0];
    const token = link.split("/c/")[1]!;
    // The link the candidate received opens their status page.
    const status = await getCandidateStatus(token);
    expect(status?.lastName).toBe(candidate.lastName);
    expect(status?.applications.map((a) => a.id)).toContain(application.id);

    const rows = await prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === "SENT")).toBe(true);
    for (const row of rows) {
      expect(row.text).not.toContain(token);
      expect(row.html).not.toContain(token);
    }
    const candidateRow = rows.find((row) => row.to === candidate.email)!;
    expect(candidateRow.bodyRedactedAt).toBeInstanceOf(Date);
    expect(candidateRow.text).toContain(REDACTED_LINK);
    // The professionals' links open a page behind sign-in: they carry no secret and are kept as written.
    const professionalRows = rows.filter((row) => row.to !== candidate.email);
    expect(professionalRows.length).toBeGreaterThan(0);
    for (const row of professionalRows) {
      expect(row.bodyRedactedAt).toBeNull();
      expect(row.text).toContain(`${BASE_URL}/applications/${application.id}`);
    }
  });
});

describe("redactSecretLinks", () => {
  it("removes sign-in and candidate links, in text and escaped in HTML, and nothing else", () => {
    const signIn = "http://127.0.0.1:3000/api/auth/callback/resend?callbackUrl=http%3A%2F%2F127.0.0.1%3A3000&token=abc123&email=a%40b.test";
    const candidate = "https://suivi.example.test/c/AbC_-0123456789abcdefghijklmnopqrstuvwxyzAB";
    const kept = "https://suivi.example.test/applications/cm123 et https://suivi.example.test/help";
    const text = `Lien\u00a0:\n${signIn}\nSuivi\u00a0:\n${candidate}.\n${kept}`;
    const html = `<a href="${signIn.replaceAll("&", "&amp;")}">Me connecter</a><p>${signIn.replaceAll("&", "&amp;")}</p><a href="${candidate}">${candidate}</a>`;

    expect(redactSecretLinks(text)).toBe(`Lien\u00a0:\n${REDACTED_LINK}\nSuivi\u00a0:\n${REDACTED_LINK}.\n${kept}`);
    expect(redactSecretLinks(html)).toBe(
      `<a href="${REDACTED_LINK}">Me connecter</a><p>${REDACTED_LINK}</p><a href="${REDACTED_LINK}">${REDACTED_LINK}</a>`,
    );
  });

  it("reads the same in PostgreSQL, and the migration that redacted older emails uses this very pattern", async () => {
    const migration = readMigrations().find((m) => m.name.endsWith("_retention_and_job_runs"))!;
    const literals = [...migration.sql.matchAll(/"(?:text|html)" ~ '((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
    const patternOfThen = secretLinkPattern(SECRET_LINK_PATHS.slice(0, 2));
    expect(literals).toEqual([patternOfThen, patternOfThen]);

    const body =
      "a https://x.test/c/Tok_en-1 b https://x.test/api/auth/callback/resend?token=t&amp;email=e c https://x.test/applications/1 " +
      "d https://x.test/connexion/confirmer?token=t&email=e";
    const [row] = await prisma.$queryRaw<
      { redacted: string }[]
    >`SELECT regexp_replace(${body}, ${SECRET_LINK_PATTERN}, ${REDACTED_LINK}, 'g') AS redacted`;
    expect(row!.redacted).toBe(redactSecretLinks(body));
    expect(row!.redacted).toBe(`a ${REDACTED_LINK} b ${REDACTED_LINK} c https://x.test/applications/1 d ${REDACTED_LINK}`);
  });
});
