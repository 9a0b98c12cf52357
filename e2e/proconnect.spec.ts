import { buildMember, buildOrganization, e2eDatabase } from "./builders";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// Issue 14: "S'identifier avec ProConnect" against a real OpenID provider on loopback
// (e2e/oidc-provider.ts, started by playwright.config.ts). Its pages ask for web fonts on the
// Internet: test traffic stays on this machine.
test.beforeEach(async ({ context }) => {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

const PROCONNECT_BUTTON = { name: /S.identifier avec\s*ProConnect/ };

/** ProConnect's side: the stand-in's login form (any e-mail is an identity), then its consent. */
async function identifyAtProConnect(page: import("@playwright/test").Page, email: string) {
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("mot-de-passe");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a professional signs in through ProConnect, and «\u00a0Se déconnecter\u00a0» ends both sessions", async ({ page }) => {
  const organization = await buildOrganization("FT");
  const member = await buildMember(organization, { firstName: "Camille" });

  await page.goto("/connexion");
  await expect(page.getByRole("button", PROCONNECT_BUTTON)).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", PROCONNECT_BUTTON).click();
  // ProConnect may give the address in another case: it is still the same professional.
  await identifyAtProConnect(page, member.email.toUpperCase());
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(organization.name).first()).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // ProConnect's end_session_endpoint recognises our id token as hint and asks to confirm.
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/(\?state=[\w-]+)?$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/connexion$/);

  // ProConnect's session ended too: the next sign-in asks who it is again.
  await page.getByRole("button", PROCONNECT_BUTTON).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test("an identity with no account here, or an inactive one, gets the magic link's refusal page, and nothing is created", async ({
  page,
}) => {
  const unknown = `inconnue-${Date.now()}@pro.e2e.test`;
  await page.goto("/connexion");
  await page.getByRole("button", PROCONNECT_BUTTON).click();
  await identifyAtProConnect(page, unknown);
  await expect(page).toHaveURL(/\/connexion\/erreur\?error=AccessDenied$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion impossible" })).toBeVisible();
  await expect(page.getByText("Cette adresse n'a pas accès au service.")).toBeVisible();
  await expectNoA11yViolations(page);
  const db = e2eDatabase();
  expect(await db.user.count({ where: { email: unknown } })).toBe(0);
  expect(await db.account.count({ where: { provider: "proconnect" } })).toBe(0);

  // A former member (membership deactivated). ProConnect still knows the unknown identity from
  // above: a fresh browser state, as another person's.
  const former = await buildMember(await buildOrganization("ML"), { isActive: false });
  await page.context().clearCookies();
  await page.goto("/connexion");
  await page.getByRole("button", PROCONNECT_BUTTON).click();
  await identifyAtProConnect(page, former.email);
  await expect(page).toHaveURL(/\/connexion\/erreur\?error=AccessDenied$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/connexion$/);
});

test("a ProConnect sign-in that fails on the way says so, and offers to start again", async ({ page }) => {
  // Left at ProConnect ("[ Cancel ]" is the stand-in's way out): back on the sign-in page, told why.
  await page.goto("/connexion");
  await page.getByRole("button", PROCONNECT_BUTTON).click();
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/connexion\?error=\w+$/);
  await expect(page.getByText("La connexion n'a pas abouti.")).toBeVisible();
  await expect(page.getByRole("button", PROCONNECT_BUTTON)).toBeVisible();
  await expectNoA11yViolations(page);

  // An answer our side cannot check (a stale tab, a forged callback): not told the link expired.
  await page.context().clearCookies();
  await page.goto("/api/auth/callback/proconnect?code=forged&state=forged");
  await expect(page).toHaveURL(/\/connexion\/erreur\?error=Configuration$/);
  await expect(page.getByText("La connexion n'a pas abouti.")).toBeVisible();
  await expect(page.getByText("Ce lien de connexion n'est plus valable.")).toHaveCount(0);
  await expectNoA11yViolations(page);
});
