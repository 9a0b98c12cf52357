import type { APIResponse, Page, Response } from "@playwright/test";
import { REFUSAL_REASON_LABELS } from "../lib/status";
import { addressesOf, buildApplication, buildCandidate, buildCast, buildMember, buildOrganization } from "./builders";
import { expect, linksIn, readMails, signIn, test, waitForMail, type KeptEmail } from "./fixtures";

// Issue 8: one canonical origin (APP_URL, here the test server's own http://127.0.0.1:PORT) and
// the security headers of every response, against the production build.

const FORGED = { "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "https" };

function expectSecurityHeaders(response: APIResponse | Response, label: string): string {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${label}: a CSP nonce`).toBeTruthy();
  expect(csp, label).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
    expect(csp, label).toContain(directive);
  expect(csp, `${label}: no eval in production`).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["permissions-policy"], label).toContain("camera=()");
  const pathname = new URL(response.url()).pathname;
  expect(headers["referrer-policy"], label).toBe(pathname.startsWith("/c/") ? "no-referrer" : "strict-origin-when-cross-origin");
  // APP_URL is http here: no HSTS (lib/security-headers.test.ts checks it over https).
  expect(headers["strict-transport-security"], label).toBeUndefined();
  return nonce!;
}

/** Every absolute link of the emails: on APP_URL, whatever host the request claimed. */
function expectLinksOnAppUrl(texts: string[], appUrl: string) {
  const links = texts
    .flatMap((text) => linksIn(text))
    .filter((link) => !link.startsWith("https://forum.") && !link.includes("beta.gouv.fr"));
  expect(links.length, "the emails carry links").toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(`${appUrl}/`), link).toBe(true);
}

test("every kind of response sends the security headers, with a fresh nonce that the page's scripts carry", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const nonce = expectSecurityHeaders(home, "/");
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script, "every script of the page carries the nonce").toContain(`nonce="${nonce}"`);
  expect(expectSecurityHeaders(await request.get("/"), "/ again"), "one nonce per response").not.toBe(nonce);

  const asset = /(\/_next\/static\/[^"]+\.js)/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  for (const path of [
    "/connexion",
    "/connexion/verification",
    "/connexion/erreur",
    "/help",
    "/c/not-a-real-token",
    "/dev/mails",
    "/dev/mails.json",
    "/api/auth/csrf",
    "/page-inexistante",
    asset!,
  ]) {
    expectSecurityHeaders(await request.get(path), path);
  }
  const redirect = await request.get("/dashboard", { maxRedirects: 0 });
  expect(redirect.status()).toBeGreaterThanOrEqual(300);
  expectSecurityHeaders(redirect, "redirect of /dashboard");
});

test("signed-in pages send the headers, and the DSFR runs under the CSP: colour scheme, scripts, mobile menu", async ({ page }) => {
  // An employer of its own with one application to open.
  const employer = await buildOrganization("EI");
  const prescriber = await buildMember(await buildOrganization("FT"));
  const admin = await buildMember(employer, { firstName: "Nadia", lastName: "Lefèvre", role: "ADMIN" });
  await buildApplication({ candidate: await buildCandidate({ firstName: "Alice", lastName: "Moreau" }), sender: prescriber, employer });
  await signIn(page, admin.email);
  for (const path of ["/dashboard", "/employer/applications", "/settings/notifications", "/organisation"]) {
    expectSecurityHeaders((await page.goto(path))!, path);
  }
  await page.goto("/employer/applications");
  await page.locator("main table a").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Candidature (de |d')/ })).toBeVisible();
  expectSecurityHeaders((await page.reload())!, "an application");

  // The colour-scheme script in <head> ran (it needs the nonce), and the DSFR's own JS started.
  await expect(page.locator("html")).toHaveAttribute("data-fr-theme", /^(light|dark)$/);
  await expect(page.locator("html")).toHaveAttribute("data-fr-js", "true");
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole("button", { name: /menu/i }).first().click();
  await expect(page.getByRole("dialog").getByRole("link", { name: "Aide" })).toBeVisible();
});

test("the CSP blocks a script injected into a page without the nonce, and the suite sees the violation", async ({
  page,
  cspViolations,
}) => {
  // A stored XSS, simulated: the real response, headers included, with a script added to its HTML.
  await page.route("**/help", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</main>", "<script>window.__injected = true</script></main>");
    await route.fulfill({ response, body: html });
  });
  await page.goto("/help");
  expect(await page.evaluate(() => Boolean((window as unknown as { __injected?: boolean }).__injected))).toBe(false);
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  // Provoked on purpose: not a failure of this test.
  cspViolations.splice(0);
});

test("a sign-in request with a forged host writes a link to APP_URL only, and no Secure cookie over http", async ({ request, baseURL }) => {
  const user = await buildMember(await buildOrganization("FT"));
  const since = new Date(Date.now() - 1000);
  const csrf = await request.get("/api/auth/csrf", { headers: FORGED });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie.value, "X-Forwarded-Proto does not make cookies Secure").not.toMatch(/;\s*secure/i);

  const response = await request.post("/api/auth/signin/resend", {
    headers: { ...FORGED, Host: "evil.test" },
    form: { email: user.email, csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location?.startsWith(`${baseURL}/`), response.headers().location).toBe(true);

  const mail = await waitForMail(request, { to: user.email, template: "sign_in", since });
  expect(`${mail.text}${mail.html}`).not.toContain("evil.test");
  expectLinksOnAppUrl([mail.text, mail.html], baseURL!);
});

async function refuse(page: Page, candidateName: string) {
  await page.goto("/employer/applications");
  await page.getByLabel("Nom du candidat").fill(candidateName);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/candidate=/);
  await page
    .getByRole("row", { name: new RegExp(candidateName) })
    .getByRole("link", { name: candidateName })
    .click();
  await page.getByRole("button", { name: "Décliner", exact: true }).click();
  await page.getByLabel("Motif du refus").selectOption({ label: REFUSAL_REASON_LABELS.NO_POSITION });
  await page.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(page.locator("main .fr-badge").first()).toHaveText("Candidature déclinée");
}

test("a decision taken behind forged host headers e-mails links to APP_URL only", async ({ page, baseURL }) => {
  // Binta Camara, as in the demo: new at the EI, sent by Julien Bernard.
  const cast = await buildCast();
  const binta = await buildCandidate({ firstName: "Binta", lastName: "Camara" });
  await buildApplication({ candidate: binta, sender: cast.users.P2, employer: cast.organizations.EI, status: "NEW", daysAgo: 5 });
  await signIn(page, cast.users.E1.email);
  // Every request of the page from now on, server actions included, claims another host.
  await page.setExtraHTTPHeaders(FORGED);
  const since = new Date(Date.now() - 500);
  await refuse(page, "Binta Camara");
  let emails: KeptEmail[] = [];
  await expect
    .poll(async () => {
      emails = (await readMails(page.request, { to: addressesOf(cast, binta), since })).filter((mail) => mail.template !== "sign_in");
      return emails.map((mail) => mail.to);
    })
    .toContain(cast.users.P2.email);
  expectLinksOnAppUrl(
    emails.flatMap((mail) => [mail.text, mail.html]),
    baseURL!,
  );
  expect(
    emails.some((mail) => mail.text.includes(`${baseURL}/c/`)),
    "the candidate's status link too",
  ).toBe(true);
});

test("a server action from another origin is refused, even when the forged host headers match it", async ({ request, baseURL }) => {
  const action = { "Next-Action": "0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };
  const foreign: Record<string, string>[] = [
    { Origin: "https://evil.test", ...FORGED },
    { Origin: "https://evil.test" },
    { Origin: "null" },
    {},
  ];
  for (const headers of foreign) {
    const response = await request.post("/connexion", { headers: { ...action, ...headers }, data: "[]" });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
  // A plain form post from another site too (a progressive-enhancement server action carries no Next-Action).
  expect((await request.post("/connexion", { headers: { Origin: "https://evil.test" }, form: { email: "x@y.fr" } })).status()).toBe(403);
  // From APP_URL the request reaches Next (which then finds no such action).
  expect((await request.post("/connexion", { headers: { ...action, Origin: baseURL! }, data: "[]" })).status()).not.toBe(403);
});

test("the dev mailbox trusts the socket's address, not an address header the client sends", async ({ request }) => {
  const claims: Record<string, string>[] = [{ "X-Suivi-Client-Address": "203.0.113.9" }, { "X-Forwarded-For": "203.0.113.9" }];
  for (const headers of claims) {
    expect((await request.get("/dev/mails.json", { headers })).status(), JSON.stringify(headers)).toBe(200);
  }
});
