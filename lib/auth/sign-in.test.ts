import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { purgeExpiredSignInData } from "@/lib/auth/housekeeping";
import { bucketOf, takeAllowance } from "@/lib/rate-limit";
import { callbackAction } from "@/lib/auth/sign-in-link";
import { signInConfirmationSchema } from "@/lib/auth/validation";
import { createMember, createOrganization } from "@/test/fixtures";
import { AuthClient, ORIGIN } from "@/test/auth-requests";
import { readSessionUser, SESSION_COOKIE } from "@/lib/auth/session";

// Next's request-scoped helpers have no request here. after() keeps its task until settle(), in
// order: as in production, it runs once the response is written. next-auth stores the token
// alongside sendVerificationRequest, not before it, so running the task at once would race that
// write (CI saw a refused request's token survive). The client address is what the app's own
// server would have put in its header.
const { pending, client } = vi.hoisted(() => ({ pending: [] as (() => Promise<unknown>)[], client: { address: null as string | null } }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void pending.push(task),
}));
vi.mock("@/lib/client-address", () => ({ clientAddress: async () => client.address }));

async function settle() {
  for (const task of pending.splice(0)) await task();
}

// next-auth's answer to every request, which leads to "Consultez votre messagerie" (/connexion/verification).
const NEUTRAL_ANSWER = `${ORIGIN}/api/auth/verify-request?provider=resend&type=email`;

async function member() {
  return (await createMember(await createOrganization("PRESCRIBER"))).user;
}
const signInEmails = (to: string) => prisma.outboxEmail.count({ where: { to, template: "sign_in" } });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  client.address = null;
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe("sign-in abuse limits", () => {
  it("defaults to 5 e-mails per address and 300 requests per client address, per hour", () => {
    expect(env.SIGN_IN_LIMIT_PER_ADDRESS).toBe(5);
    expect(env.SIGN_IN_LIMIT_PER_CLIENT).toBe(300);
  });

  it("20 requests in a row for one address write 5 e-mails, all answered with the same neutral page", async () => {
    const user = await member();
    const browser = new AuthClient();
    for (let i = 0; i < 20; i++) {
      const response = await browser.requestLink(user.email);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(NEUTRAL_ANSWER);
    }
    await settle();
    expect(await signInEmails(user.email)).toBe(5);
    // The refused requests leave no token behind: only the 5 e-mailed links are live.
    expect(await prisma.verificationToken.count({ where: { identifier: user.email } })).toBe(5);
    const page = await browser.request("GET", "/api/auth/verify-request?provider=resend&type=email");
    expect(page.headers.get("location")).toBe("/connexion/verification?provider=resend&type=email");
    // One log line per refused request, naming the limit, never the full address.
    const lines = warn.mock.calls.map((call: unknown[]) => String(call[0]));
    expect(lines).toHaveLength(15);
    expect(lines[0]).toContain("limit of 5/h per e-mail address reached");
    expect(lines[0]).toContain(`${user.email[0]}***@pro.test`);
    expect(lines.join("\n")).not.toContain(user.email);
  }, 90_000); // 40 requests through next-auth: seconds alone, far longer on a busy machine

  it("an unknown address gets the same answer and no e-mail; its requests count against the limit too", async () => {
    const unknown = `personne-${randomUUID().slice(0, 8)}@inconnu.test`;
    const browser = new AuthClient();
    for (let i = 0; i < 6; i++) expect((await browser.requestLink(unknown)).headers.get("location")).toBe(NEUTRAL_ANSWER);
    await settle();
    expect(await signInEmails(unknown)).toBe(0);
    expect(await prisma.verificationToken.count({ where: { identifier: unknown } })).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("past 300 requests in an hour from one client address, sends nothing more from it, and logs it", async () => {
    client.address = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
    const bucket = bucketOf("sign-in:client", client.address);
    await prisma.rateLimitHit.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ bucket, at: new Date(Date.now() - 1000 * (i + 1)) })),
    });

    const user = await member();
    const response = await new AuthClient().requestLink(user.email);
    expect(response.headers.get("location")).toBe(NEUTRAL_ANSWER);
    await settle();
    expect(await signInEmails(user.email)).toBe(0);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      `limit of 300/h per client address reached: no e-mail for ${user.email[0]}***@pro.test (client ${client.address})`,
    );

    // Another client (or the same person elsewhere) is not affected.
    client.address = "198.51.100.20";
    await new AuthClient().requestLink(user.email);
    await settle();
    expect(await signInEmails(user.email)).toBe(1);
  });
});

describe("takeAllowance", () => {
  const allowance = () => ({ scope: "test", value: randomUUID(), limit: 5, windowMs: 3_600_000 });

  it("is a sliding hour: the 6th is refused until the first is an hour old", async () => {
    const a = allowance();
    const t0 = new Date("2026-03-02T09:59:00Z");
    for (let i = 0; i < 5; i++) expect(await takeAllowance(a, new Date(t0.getTime() + i * 1000))).toBe(true);
    // A clock hour turning (10:00) gives nothing back.
    expect(await takeAllowance(a, new Date("2026-03-02T10:01:00Z"))).toBe(false);
    expect(await takeAllowance(a, new Date("2026-03-02T10:58:59Z"))).toBe(false);
    expect(await takeAllowance(a, new Date("2026-03-02T10:59:00.001Z"))).toBe(true);
    expect(await takeAllowance(a, new Date("2026-03-02T10:59:00.002Z"))).toBe(false);
  });

  it("gives exactly the limit to 20 concurrent callers (several connections, one database)", async () => {
    const a = allowance();
    const results = await Promise.all(Array.from({ length: 20 }, () => takeAllowance(a)));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await prisma.rateLimitHit.count({ where: { bucket: bucketOf(a.scope, a.value) } })).toBe(5);
  });

  it("the daily purge deletes hits older than a day, expired tokens and sessions, keeps the others, and changes nothing more when run again", async () => {
    const bucket = bucketOf("test", randomUUID());
    const identifier = `purge-${randomUUID()}@pro.test`;
    const asOf = new Date("2026-03-03T12:00:00Z");
    await prisma.rateLimitHit.createMany({
      data: [
        { bucket, at: new Date("2026-03-02T11:59:00Z") },
        { bucket, at: new Date("2026-03-02T12:01:00Z") },
      ],
    });
    await prisma.verificationToken.createMany({
      data: [
        { identifier, token: `expired-${randomUUID()}`, expires: new Date("2026-03-03T11:59:00Z") },
        { identifier, token: `valid-${randomUUID()}`, expires: new Date("2026-03-03T12:29:00Z") },
      ],
    });
    const user = await prisma.user.create({ data: { email: identifier } });
    await prisma.session.createMany({
      data: [
        { sessionToken: `expired-${randomUUID()}`, userId: user.id, expires: new Date("2026-03-03T11:00:00Z") },
        { sessionToken: `valid-${randomUUID()}`, userId: user.id, expires: new Date("2026-03-03T20:00:00Z") },
      ],
    });

    const first = await purgeExpiredSignInData(prisma, asOf);
    expect(first.rateLimitHitsDeleted).toBeGreaterThanOrEqual(1);
    expect((await prisma.rateLimitHit.findMany({ where: { bucket } })).map((hit) => hit.at.toISOString())).toEqual([
      "2026-03-02T12:01:00.000Z",
    ]);
    expect((await prisma.verificationToken.findMany({ where: { identifier } })).map((t) => t.token.split("-")[0])).toEqual(["valid"]);
    expect((await prisma.session.findMany({ where: { userId: user.id } })).map((t) => t.sessionToken.split("-")[0])).toEqual(["valid"]);
    expect(await purgeExpiredSignInData(prisma, asOf)).toEqual({
      rateLimitHitsDeleted: 0,
      verificationTokensDeleted: 0,
      sessionsDeleted: 0,
    });
  });

  it("stores no address in clear", async () => {
    const value = `clair-${randomUUID()}@pro.test`;
    await takeAllowance({ scope: "sign-in:address", value, limit: 5, windowMs: 3_600_000 });
    const rows = await prisma.rateLimitHit.findMany({ where: { bucket: { contains: "clair-" } } });
    expect(rows).toEqual([]);
    expect(await prisma.rateLimitHit.count({ where: { bucket: bucketOf("sign-in:address", value) } })).toBe(1);
  });
});

/** Asks for a link as the form does, and returns what the confirmation page's form would post to. */
async function confirmationFormAction(browser: AuthClient, email: string): Promise<string> {
  await browser.requestLink(email);
  await settle();
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: "sign_in" }, orderBy: { createdAt: "desc" } });
  const link = new URL(mail.text.match(/https?:\/\/\S+\/connexion\/confirmer\S+/)![0]);
  return callbackAction(signInConfirmationSchema.parse(Object.fromEntries(link.searchParams)));
}
const MINUTE_MS = 60_000;
const near = (date: Date, msFromNow: number) => expect(Math.abs(date.getTime() - (Date.now() + msFromNow))).toBeLessThan(MINUTE_MS);

describe("sign-in links and sessions", () => {
  it("a link is valid 30 minutes and works once; the session it opens ends after 12 hours idle", async () => {
    const user = await member();
    const browser = new AuthClient();
    const action = await confirmationFormAction(browser, user.email);
    near((await prisma.verificationToken.findFirstOrThrow({ where: { identifier: user.email } })).expires, 30 * MINUTE_MS);

    const signedIn = await browser.request("POST", action);
    expect(signedIn.headers.get("location")).toBe(`${ORIGIN}/dashboard`);
    expect(await prisma.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    near(sessions[0]!.expires, 12 * 60 * MINUTE_MS);
    // The pages read the cookie next-auth set, by its name.
    expect((await readSessionUser(browser.cookies.get(SESSION_COOKIE)))?.email).toBe(user.email);

    // The same link again, from anywhere: refused, and no second session.
    const again = await new AuthClient().request("POST", action);
    expect(again.headers.get("location")).toBe(`${ORIGIN}/connexion/erreur?error=Verification`);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a link older than 30 minutes signs no one in", async () => {
    const user = await member();
    const browser = new AuthClient();
    const action = await confirmationFormAction(browser, user.email);
    // As if 30 minutes and a second had passed since it was sent.
    await prisma.verificationToken.updateMany({ where: { identifier: user.email }, data: { expires: new Date(Date.now() - 1000) } });
    const response = await browser.request("POST", action);
    expect(response.headers.get("location")).toBe(`${ORIGIN}/connexion/erreur?error=Verification`);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out deletes the session row", async () => {
    const user = await member();
    const browser = new AuthClient();
    await browser.request("POST", await confirmationFormAction(browser, user.email));
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const token = browser.cookies.get(SESSION_COOKIE);
    await browser.signOut();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await readSessionUser(token), "the old cookie, replayed").toBeNull();
  });
});
