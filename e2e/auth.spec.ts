import { DEMO_ORGANIZATIONS, DEMO_USERS } from "../prisma/demo";
import { DEMO_APPLICATIONS } from "../prisma/seed";
import { APPLICATION_STATUSES } from "../lib/status";
import { buildCast, buildMember, buildOrganization, e2eDatabase } from "./builders";
import { expect, expectNoA11yViolations, readMails, signIn, signInLink, test } from "./fixtures";

// Sign-in journeys: each test signs in a member built for it (e2e/builders.ts), since two workers
// asking a link for the same address at once could each open the other's. Only the demo accounts'
// own test signs them in (one test per account), and it counts the demo applications: no spec
// changes the demo data (each builds its own), so the seeded counts hold whatever runs alongside.

test("the landing page offers sign-in and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Suivi des candidatures" })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expectNoA11yViolations(page);
});

test("the sign-in page explains its errors in French and is accessible", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  // Exactly one full stop, in the text and in what a screen reader announces for the field.
  await expect(page.getByText("Saisissez votre adresse e-mail.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveAccessibleDescription("Saisissez votre adresse e-mail.");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByText("Saisissez une adresse e-mail valide", { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a sign-in link cut short says so, under the page's title", async ({ page }) => {
  await page.goto("/connexion/confirmer?email=personne%40demo.test");
  await expect(page.getByRole("heading", { level: 2, name: "Ce lien de connexion est incomplet." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se connecter" })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("an unknown address gets the same answer as a known one, and no email", async ({ page }) => {
  const since = new Date(Date.now() - 1000);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("inconnu@nulle-part.test");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  // The address is the page's own, not next-auth's route (bookmarked, shared or read aloud).
  await expect(page).toHaveURL(/\/connexion\/verification$/);
  await expect(page.getByText("Si cette adresse correspond à un compte")).toBeVisible();
  expect(await readMails(page.request, { to: "inconnu@nulle-part.test", since })).toEqual([]);
});

test("an address typed before the page has finished loading is kept and gets the link", async ({ page }) => {
  // Hold the page's scripts (not its stylesheets, which share the folder): the form is
  // server-rendered and usable, React not yet hydrated.
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    async (route) => {
      await scriptsHeld;
      await route.continue();
    },
  );
  const user = await buildMember(await buildOrganization("FT"));
  await page.goto("/connexion", { waitUntil: "commit" });
  await page.getByLabel("Adresse e-mail").fill(user.email);
  release();
  // Hydrated and committed: the DSFR's script, started from an effect (after every ref, so after
  // react-hook-form registered the field), marks the page.
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(user.email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
});

test("opening the e-mailed link (a GET, as mail scanners do) neither signs in nor uses the link up", async ({ page, browser }) => {
  test.slow(); // three browser contexts, one after the other
  const user = await buildMember(await buildOrganization("EI"), { role: "ADMIN" });
  const since = new Date(Date.now() - 1000);
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  const link = await signInLink(page, user.email, since);
  expect(link).not.toContain("/api/auth/");

  // A scanner fetches the link, twice, in its own context: a page, no session.
  const scanner = await browser.newContext();
  for (let i = 0; i < 2; i++) {
    const response = await scanner.request.get(link);
    expect(response.status()).toBe(200);
  }
  const scannerPage = await scanner.newPage();
  await scannerPage.goto(link);
  await expect(scannerPage.getByRole("button", { name: "Se connecter" })).toBeVisible();
  expect((await scanner.cookies()).filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);
  await scannerPage.goto("/dashboard");
  await expect(scannerPage).toHaveURL(/\/connexion$/);
  await scanner.close();

  // The person then opens it: the confirmation page, one click, and the link still works.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Used once: the same link, confirmed again elsewhere, is refused.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await otherPage.getByRole("button", { name: "Se connecter" }).click();
  await expect(otherPage.getByRole("heading", { name: "Connexion impossible" })).toBeVisible();
  await expect(otherPage.getByText("Ce lien de connexion n'est plus valable.")).toBeVisible();
  await other.close();
});

test("a session lasts 12 hours without activity, and signing out ends it on the server", async ({ page, context }) => {
  await signIn(page, (await buildMember(await buildOrganization("FT"))).email);
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("session-token"));
  expect(session, "a session cookie").toBeTruthy();
  expect(Math.abs(session!.expires - (Date.now() / 1000 + 12 * 3600))).toBeLessThan(120);

  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  // The old cookie, replayed (as a thief who copied it would): the session no longer exists.
  await context.addCookies([session!]);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("using the app pushes the session cookie's end back to 12 hours; a file never carries it", async ({ page, context }) => {
  await signIn(page, (await buildMember(await buildOrganization("FT"))).email);
  const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name.includes("session-token"))!;
  // As if the browser had signed in 11 hours ago.
  const endInOneHour = async () => context.addCookies([{ ...(await sessionCookie()), expires: Math.round(Date.now() / 1000) + 3600 }]);
  const expectTwelveHoursLeft = async () =>
    expect(Math.abs((await sessionCookie()).expires - (Date.now() / 1000 + 12 * 3600))).toBeLessThan(120);

  await endInOneHour();
  await page.goto("/dashboard");
  await expectTwelveHoursLeft();

  // A client-side navigation (Next's RSC request) is a use too.
  await endInOneHour();
  const navigation = page.waitForResponse((response) => {
    const headers = response.request().headers();
    return headers["rsc"] === "1" && !headers["next-router-prefetch"] && response.url().includes("/prescriber/applications");
  });
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Suivi des candidatures", exact: true }).click();
  const fetched = await navigation;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectTwelveHoursLeft();
  // No shared cache may keep an answer that carries someone's session.
  expect(fetched.headers()["cache-control"]).toMatch(/private.*no-store/);

  // A file, cached by browsers and proxies, never carries the session.
  const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  expect((await page.request.get(script!)).headers()["set-cookie"]).toBeUndefined();
});

for (const [key, user] of Object.entries(DEMO_USERS)) {
  const organization = DEMO_ORGANIZATIONS[user.org];
  test(`${user.email} signs in and sees the real counts of ${organization.name}`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
    await expect(page.getByText(organization.name).first()).toBeVisible();

    const sameOrg = (userKey: keyof typeof DEMO_USERS) => DEMO_USERS[userKey].org === user.org;
    // An employer's dashboard leaves its archived applications out (issue 10); a prescriber's has them all.
    const mine = DEMO_APPLICATIONS.filter(([, sender, employer, , , , extra]) =>
      organization.kind === "PRESCRIBER" ? sameOrg(sender) : employer === user.org && !extra?.archived,
    );
    for (const status of APPLICATION_STATUSES) {
      const expected = mine.filter(([, , , s]) => s === status).length;
      await expect(page.getByTestId(`count-${status}`), `${key}: ${status}`).toContainText(String(expected));
    }
    // The total says which applications it counts.
    await expect(
      page.getByText(
        `${organization.name} — ${organization.kind === "PRESCRIBER" ? "candidatures envoyées par votre organisation" : "candidatures reçues, hors archivées"}\u00a0: ${mine.length}`,
      ),
    ).toBeVisible();
    if (key === "P1") await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/connexion$/);
  });
}

test("the help page answers the FAQ with the forum and a detailed contact link", async ({ page }) => {
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1, name: "Aide\u00a0: suivi des candidatures" })).toBeVisible();
  for (const question of [
    "Le prescripteur est-il informé du motif de refus\u00a0?",
    "Peut-on voir toutes les candidatures d'un demandeur d'emploi\u00a0?",
    "Que se passe-t-il si je clique sur «\u00a0J'étudie la candidature\u00a0»\u00a0?",
    "Que se passe-t-il si une candidature reste sans réponse\u00a0?",
  ]) {
    await expect(page.getByRole("button", { name: question })).toBeVisible();
  }
  // The accordions open through React: a click before hydration (a busy CI machine) is lost.
  // The DSFR's script, started from an effect once hydrated, marks the page.
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
  await page.getByRole("button", { name: "Quels sont les différents statuts d'une candidature\u00a0?" }).click();
  await expect(page.getByText("Embauché ailleurs").first()).toBeVisible();
  // Each side is led to its own list, never to the other side's (a 404 for it).
  await page.getByRole("button", { name: "Comment voir toutes les candidatures envoyées par mon organisation\u00a0?" }).click();
  const answer = page.getByRole("main");
  await expect(answer.getByRole("link", { name: "Suivi des candidatures", exact: true })).toHaveAttribute(
    "href",
    "/prescriber/applications",
  );
  await expect(answer.getByRole("link", { name: "Candidatures reçues", exact: true })).toHaveAttribute("href", "/employer/applications");
  await page.getByRole("button", { name: "Que se passe-t-il si une candidature reste sans réponse\u00a0?" }).click();
  await expect(page.getByText(/dont le statut n'a pas changé depuis 2 mois est déclinée automatiquement/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Forum de l'inclusion/ }).first()).toHaveAttribute(
    "href",
    "https://forum.inclusion.beta.gouv.fr/",
  );
  const mailto = await page.getByRole("link", { name: /Écrire à assistance@inclusion\.beta\.gouv\.fr/ }).getAttribute("href");
  expect(decodeURIComponent(mailto!)).toContain("SIRET");
  await expectNoA11yViolations(page);
});

test("the dev mailbox is served in this test build and lists the kept emails", async ({ page }) => {
  await page.goto("/dev/mails");
  await expect(page.getByRole("heading", { name: "E-mails de développement" })).toBeVisible();
});

test("one organisation is named, not offered as a choice", async ({ page }) => {
  const own = await buildOrganization("ML", { name: "Mission locale de Lille" });
  await signIn(page, (await buildMember(own)).email);
  await page.getByRole("link", { name: own.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon organisation" })).toBeVisible();
  await expect(page.getByText(`Vous êtes membre de ${own.name} (prescripteur)`)).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the current organisation can only be one of the user's own, checked on the server", async ({ page }) => {
  const own = await buildOrganization("ML", { name: "Mission locale de Lille" });
  const second = await buildOrganization("FT");
  const another = await buildOrganization("FT");
  const user = await buildMember(own, { role: "ADMIN" });
  await signIn(page, user.email);
  // A second organisation: now there is a choice to make.
  await e2eDatabase().membership.create({ data: { userId: user.id, organizationId: second.id } });
  await page.goto("/organisation");
  await expect(page.getByRole("heading", { name: "Choisir une organisation" })).toBeVisible();
  await page.getByText(own.name).click();
  // A forged choice: another organisation's id in place of the user's own.
  await page.getByLabel(own.name).evaluate((input, id) => ((input as HTMLInputElement).value = id), another.id);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByText("Cette organisation n'est pas l'une des vôtres.")).toBeVisible();
  await page.getByText(own.name).click();
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`${own.name} — candidatures envoyées`)).toBeVisible();
});

test("an unknown page answers 404 in French", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a page one may not see answers 404 under the 404's own title, not the page's", async ({ page }) => {
  const { P1 } = (await buildCast()).users;
  await signIn(page, P1.email);
  // The other side's page, an admin's page for a member, an application that is not theirs.
  for (const path of ["/employer/applications", "/employer/jobs", "/settings/emails", "/applications/pas-la-sienne"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page, path).toHaveTitle("Page introuvable — Suivi des candidatures");
  }
});
