import type { Page } from "@playwright/test";
import { buildApplication, buildCandidate, buildCast } from "./builders";
import { expect, expectNoA11yViolations, linksIn, signIn, statusLinkIn, test, waitForMail } from "./fixtures";
import { E2E_LEGAL } from "./legal-facts";

// The pages every public French service links from its footer, and the candidate's way to them:
// their data is typed by their adviser, so their e-mails must say where to read about it (GDPR art. 14).

/** The footer's legal links, on any page: each one leads to its page. */
async function expectLegalFooter(page: Page) {
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Accessibilité\u00a0: non conforme" })).toHaveAttribute("href", "/accessibilite");
  await expect(footer.getByRole("link", { name: "Mentions légales" })).toHaveAttribute("href", "/mentions-legales");
  await expect(footer.getByRole("link", { name: "Données personnelles" })).toHaveAttribute("href", "/donnees-personnelles");
}

test("signed out, the footer leads to the legal notice, the personal data page and the accessibility declaration", async ({ page }) => {
  await page.goto("/");
  await expectLegalFooter(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Mentions légales" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentions légales" })).toBeVisible();
  // The operator's facts, from this deployment's LEGAL_* variables.
  for (const fact of Object.values(E2E_LEGAL)) await expect(page.getByText(fact)).toBeVisible();
  await expect(page.getByText("Non renseigné")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "securite@suivi-des-candidatures.beta.gouv.fr" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Données personnelles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
  await expect(page.getByText(E2E_LEGAL.LEGAL_PUBLISHER)).toBeVisible();
  // The durations are the ones the code applies.
  for (const duration of ["valable 30 minutes", "après 12\u00a0heures sans activité", "valable 12 mois", "après 90\u00a0jours"]) {
    await expect(page.getByText(duration, { exact: false })).toBeVisible();
  }
  await expect(page.getByText("le service ne supprime pas encore les candidatures", { exact: false })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité\u00a0: non conforme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  await expect(page.getByText("Suivi des candidatures est non conforme")).toBeVisible();
  await expect(page.getByRole("link", { name: "Défenseur des droits", exact: true })).toHaveAttribute(
    "href",
    "https://formulaire.defenseurdesdroits.fr/",
  );
  await expectNoA11yViolations(page);
});

test("a candidate's e-mail links to the personal data page; their status page sets no cookie and shows the legal links", async ({
  browser,
}) => {
  const { users, organizations } = await buildCast();
  const candidate = await buildCandidate({ firstName: "Inès", lastName: "Garnier" });
  const application = await buildApplication({
    candidate,
    sender: users.P1,
    employer: organizations.EI,
    status: "PROCESSING",
    handler: users.E1,
  });

  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, users.E1.email);
  await employer.goto(application.path);
  const since = new Date(Date.now() - 1000);
  await employer.getByRole("button", { name: "Embaucher plus tard" }).click();
  await employer.getByLabel("Message au candidat").fill("Nous reviendrons vers vous à l'ouverture des recrutements de septembre.");
  await employer.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(employer.getByRole("status").filter({ hasText: "Embauche pour plus tard" })).toBeVisible();
  const mail = await waitForMail(employer.request, { to: candidate.email!, template: "application_postponed", since });
  expect(mail.text).toContain("Vos données personnelles et vos droits\u00a0: ");
  const privacyLink = linksIn(mail.text).find((url) => url.endsWith("/donnees-personnelles"));
  expect(privacyLink, "the candidate's e-mail links to the personal data page").toBeTruthy();

  // A fresh browser, as on the candidate's phone: the status link, then the privacy page.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto(statusLinkIn(mail.text));
  await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
  await expectLegalFooter(phone);
  expect(await context.cookies(), "the candidate's status page sets no cookie").toEqual([]);

  await phone.goto(privacyLink!);
  await expect(phone.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
  await expect(
    phone.getByText("Personne candidate, vous pouvez vous adresser à la personne qui vous accompagne", { exact: false }),
  ).toBeVisible();
  await expectNoA11yViolations(phone);
  expect(await context.cookies()).toEqual([]);
});
