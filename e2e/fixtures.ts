/**
 * Shared end-to-end helpers: sign in through the real magic link read from the app's outbox
 * (/dev/mails.json) or, in the Resend stand-in pass, from what the stand-in received; read the
 * emails each party received; check accessibility with axe.
 */
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export interface KeptEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  template: string;
  status: string;
}

/** What the Resend stand-in received (scripts/e2e.ts's second pass), as the outbox shows it. */
interface StandInEmail {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  tags?: { name: string; value: string }[];
}

async function fetchEmails(request: APIRequestContext): Promise<KeptEmail[]> {
  const standIn = process.env.E2E_RESEND_URL;
  const response = await request.get(standIn ? `${standIn}/_stub/delivered` : "/dev/mails.json");
  expect(response.ok()).toBe(true);
  if (!standIn) return (await response.json()) as KeptEmail[];
  return ((await response.json()) as StandInEmail[]).map((email) => ({
    to: [email.to].flat()[0]!,
    subject: email.subject,
    text: email.text,
    html: email.html,
    createdAt: email.receivedAt,
    template: email.tags?.find((tag) => tag.name === "template")?.value ?? "",
    status: "SENT",
  }));
}

/**
 * The kept e-mails matching the filter: the app's outbox, or in the stand-in pass what Resend
 * received. Other workers write e-mails at the same time: a spec reads only its own recipients'
 * (`to`, one address or several).
 */
export async function readMails(
  request: APIRequestContext,
  filter: { to?: string | readonly string[]; since?: Date; template?: string } = {},
): Promise<KeptEmail[]> {
  const emails = await fetchEmails(request);
  const recipients = filter.to === undefined ? undefined : [filter.to].flat().map((address) => address.toLowerCase());
  return emails.filter(
    (email) =>
      (!recipients || recipients.includes(email.to)) &&
      (!filter.template || email.template === filter.template) &&
      (!filter.since || new Date(email.createdAt) >= filter.since),
  );
}

// Through the stand-in, an e-mail waits for Resend's pace (2 requests per second, shared by both
// workers) and, after a failure, for its retry.
const MAIL_WAIT_MS = process.env.E2E_RESEND_URL ? 30_000 : 15_000;

/** Waits for an email matching the filter (emails are written by the server asynchronously to us). */
export async function waitForMail(
  request: APIRequestContext,
  filter: Parameters<typeof readMails>[1],
  timeout = MAIL_WAIT_MS,
): Promise<KeptEmail> {
  let found: KeptEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await readMails(request, filter))[0];
        return Boolean(found);
      },
      { timeout },
    )
    .toBe(true);
  return found!;
}

export function linksIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
}

/** The candidate's status link (/c/…) in one of their e-mails. */
export function statusLinkIn(text: string): string {
  const link = linksIn(text).find((url) => /\/c\/[A-Za-z0-9_-]+$/.test(url));
  expect(link, "the candidate's email carries their status link").toBeTruthy();
  return link!;
}

const SIGN_IN_MAIL_WAIT_MS = 20_000;

/** The link of the latest sign-in e-mail for this address: our "Se connecter" confirmation page. */
export async function signInLink(page: Page, email: string, since: Date): Promise<string> {
  // Issue 11: a sign-in link arrives within 20 s, even through Resend's limits and a short incident.
  const mail = await waitForMail(page.request, { to: email, template: "sign_in", since }, SIGN_IN_MAIL_WAIT_MS);
  const link = linksIn(mail.text).find((url) => url.includes("/connexion/confirmer?"));
  expect(link, "the sign-in email links to the confirmation page").toBeTruthy();
  return link!;
}

/** Signs in as a person would: the form, the link of the email (read from the outbox), then "Se connecter". */
export async function signIn(page: Page, email: string): Promise<void> {
  const since = new Date(Date.now() - 1000);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  // The first sign-in of a `npm run dev` run compiles next-auth's routes: far more than 10 s.
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible({ timeout: 30_000 });
  await page.goto(await signInLink(page, email, since));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function expectNoA11yViolations(page: Page): Promise<void> {
  // After a client-side navigation, Next streams the page's metadata after its body: the heading
  // can be on screen a moment before <title> is. Check the page as it settles, not mid-transition.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, "axe violations").toEqual([]);
}

/** Collects the CSP violations any page of this browser context reports. */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  const listen = (page: Page) =>
    page.on("console", (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(listen);
  context.on("page", listen);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

/**
 * Every test fails on a CSP violation a browser page reports (issue 8): in the `page` fixture's
 * context and in any context a spec opens with `browser.newContext()`. A spec that provokes one
 * on purpose reads and empties `cspViolations`.
 *
 * The contexts a spec opens are closed when it ends. Playwright closes only its own `context`:
 * the others lived, their pages still running, as long as the worker's browser, and a whole run
 * left some 60 renderers busy beside the server on two cores (tests timed out on a slow machine).
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    // `provide`, not `use`: React's hook rules would read a call in a try block as a misplaced hook.
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      const opened: BrowserContext[] = [];
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        opened.push(created);
        await watchCsp(created, violations);
        return created;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
        await Promise.all(opened.map((created) => created.close().catch(() => undefined)));
      }
      expect(violations, "CSP violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
