import type { Browser, Page } from "@playwright/test";
import { REFUSAL_REASON_LABELS } from "../lib/status";
import { addressesOf, buildApplication, buildCandidate, buildCast, buildMember, buildOrganization } from "./builders";
import { expect, expectNoA11yViolations, linksIn, readMails, signIn, statusLinkIn, test, waitForMail } from "./fixtures";

// Issue 5: the FAQ's notifications, read from /dev/mails.json as each party would receive them,
// and the candidate's status link. Each test builds the demo's cast afresh (e2e/builders.ts) and
// its candidate as the demo has them (Ugo Perrin, Valentine Morel); it reads only the e-mails of
// its own people, since other workers write e-mails at the same time.
const REASON = REFUSAL_REASON_LABELS.NOT_MOBILE;
const ANSWER = "Bonjour, nous ne pouvons pas donner suite pour le moment. Bonne continuation dans vos recherches.";
const PRIVATE = "Le trajet depuis Lille semble trop long pour les horaires du matin.";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Opens the candidate's application from the employer's list, as an employer member would. */
async function openReceivedApplication(page: Page, candidateName: string) {
  await page.goto(`/employer/applications?candidate=${encodeURIComponent(candidateName)}`);
  await page.getByRole("link", { name: candidateName }).first().click();
  await expect(page).toHaveURL(/\/applications\/[^/]+$/);
}

test("studying sends nothing; accepting informs the candidate, the prescriber, and the other employer of a hire elsewhere", async ({
  browser,
}) => {
  const cast = await buildCast();
  const { users, organizations } = cast;
  // Ugo Perrin: studied at the EI (sent by Julien Bernard), new at the ACI (sent by Camille Martin).
  const UGO = await buildCandidate({ firstName: "Ugo", lastName: "Perrin" });
  await buildApplication({
    candidate: UGO,
    sender: users.P2,
    employer: organizations.EI,
    status: "PROCESSING",
    handler: users.E1,
    daysAgo: 3,
  });
  await buildApplication({ candidate: UGO, sender: users.P1, employer: organizations.ACI, status: "NEW", daysAgo: 3 });
  const everyone = addressesOf(cast, UGO);

  const employer = await signedIn(browser, users.A1.email);
  await openReceivedApplication(employer, UGO.name);

  const beforeStudy = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "J'étudie la candidature" }).click();
  await expect(employer.getByText("Candidature à l'étude").first()).toBeVisible();
  // The FAQ: no notification when an application is being studied. Give the server a moment.
  await employer.waitForTimeout(1500);
  expect((await readMails(employer.request, { to: everyone, since: beforeStudy })).filter((mail) => mail.template !== "sign_in")).toEqual(
    [],
  );

  const beforeAccept = new Date(Date.now() - 500);
  const start = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await employer.getByRole("button", { name: "Accepter", exact: true }).click();
  await employer.getByLabel("Date de début du contrat").fill(start);
  await employer.getByRole("button", { name: "Confirmer l'embauche" }).click();
  await expect(employer.getByText("Candidature acceptée").first()).toBeVisible();

  const toCandidate = await waitForMail(employer.request, { to: UGO.email!, template: "application_accepted", since: beforeAccept });
  expect(toCandidate.subject).toContain(organizations.ACI.name);
  // The application to Les Jardins Solidaires was sent by Camille Martin (France Travail Paris 18e).
  const toPrescriber = await waitForMail(employer.request, {
    to: users.P1.email,
    template: "application_accepted",
    since: beforeAccept,
  });
  expect(toPrescriber.text).toContain(UGO.name);
  // Ugo's other pending application, to La Recyclerie du Nord, sent by Julien Bernard: "embauché ailleurs".
  for (const email of [users.E1.email, users.E2.email, users.P2.email]) {
    const mail = await waitForMail(employer.request, { to: email, template: "hired_elsewhere", since: beforeAccept });
    expect(mail.text).toContain(UGO.name);
  }
  // Never "embauché ailleurs" to the candidate, and one email per person per event.
  const after = await readMails(employer.request, { to: everyone, since: beforeAccept });
  expect(after.filter((mail) => mail.to === UGO.email).map((mail) => mail.template)).toEqual(["application_accepted"]);
  expect(after.filter((mail) => mail.template === "hired_elsewhere")).toHaveLength(3);

  // The candidate follows the link of the email, with no account.
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto(statusLinkIn(toCandidate.text));
  await expect(candidate.getByRole("heading", { level: 1, name: "Suivi de mes candidatures" })).toBeVisible();
  const accepted = candidate.getByRole("region", { name: new RegExp(organizations.ACI.name) });
  await expect(accepted.getByText("Candidature acceptée")).toBeVisible();
  await expect(accepted.getByText("Début du contrat")).toBeVisible();
  await expect(candidate.getByRole("region", { name: new RegExp(organizations.EI.name) }).getByText("Embauché ailleurs")).toBeVisible();
});

test("a refusal: the prescriber gets the reason, the candidate only the answer, on their status page too", async ({ browser }) => {
  const { users, organizations } = await buildCast();
  const VALENTINE = await buildCandidate({ firstName: "Valentine", lastName: "Morel" });
  await buildApplication({ candidate: VALENTINE, sender: users.P1, employer: organizations.EI, status: "NEW", daysAgo: 0 });
  const employer = await signedIn(browser, users.E1.email);
  await openReceivedApplication(employer, VALENTINE.name);

  const since = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "Décliner", exact: true }).click();
  await employer.getByLabel("Motif du refus").selectOption({ label: REASON });
  await employer.getByLabel("Réponse au candidat").fill(ANSWER);
  await employer.getByLabel("Message privé au prescripteur (facultatif)").fill(PRIVATE);
  await employer.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(employer.getByText("Candidature déclinée").first()).toBeVisible();

  const toPrescriber = await waitForMail(employer.request, { to: users.P1.email, template: "application_refused", since });
  expect(toPrescriber.text).toContain(REASON);
  expect(toPrescriber.text).toContain(PRIVATE);
  expect(toPrescriber.text).toContain(ANSWER);
  const toCandidate = await waitForMail(employer.request, { to: VALENTINE.email!, template: "application_refused", since });
  for (const content of [toCandidate.subject, toCandidate.text, toCandidate.html]) {
    expect(content).not.toContain(REASON);
    expect(content).not.toContain(PRIVATE);
  }
  expect(toCandidate.text).toContain(ANSWER);
  // A question about it goes to the adviser who sent it: the e-mail and the page give their address.
  expect(toCandidate.text).toContain(`peut vous aider à préparer vos prochaines candidatures\u00a0: ${users.P1.email}.`);

  // A fresh browser: no session, no cookie, only the link.
  const candidate = await (await browser.newContext()).newPage();
  const response = await candidate.goto(statusLinkIn(toCandidate.text));
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  const refused = candidate.getByRole("region", { name: new RegExp(organizations.EI.name) });
  await expect(refused.getByText("Candidature déclinée")).toBeVisible();
  await expect(refused.getByText(ANSWER)).toBeVisible();
  await expect(refused.getByRole("link", { name: users.P1.email })).toHaveAttribute("href", `mailto:${users.P1.email}`);
  await expect(candidate.getByText(REASON)).toHaveCount(0);
  await expect(candidate.getByText(PRIVATE)).toHaveCount(0);
  await expect(candidate.locator("meta[name=robots]")).toHaveAttribute("content", /noindex/);
  await expectNoA11yViolations(candidate);
  // The header names the service only: no sign-in nor help for professionals, so no menu on a
  // phone; nor does the footer offer their help.
  await expectCandidateHeaderAndFooter(candidate);
  // Its link home leads to the professionals' pages, with their header.
  await candidate
    .getByRole("banner")
    .getByRole("link", { name: /Suivi des candidatures/ })
    .first()
    .click();
  await expect(candidate).toHaveURL(/\/$/);
  await expect(candidate.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(candidate.getByRole("contentinfo").getByRole("link", { name: "Aide" })).toBeVisible();

  // A link that is not (or no longer) valid: a polite page that says where to get help.
  await candidate.goto("/c/ce-lien-n-existe-pas-0123456789abcdefghijklmnop");
  await expect(candidate.getByRole("heading", { level: 1, name: "Ce lien de suivi n'est plus valable" })).toBeVisible();
  await expect(candidate.getByText("la personne qui vous accompagne", { exact: false }).first()).toBeVisible();
  await expectNoA11yViolations(candidate);
  await expectCandidateHeaderAndFooter(candidate);
});

test("Mes notifications: each professional switches their own emails, sign-in emails stay on", async ({ browser }) => {
  // An employer admin of its own: the choice saved here is nobody else's.
  const employerAdmin = await buildMember(await buildOrganization("ACI"), { firstName: "Karim", lastName: "Benali", role: "ADMIN" });
  const page = await signedIn(browser, employerAdmin.email);
  await page.getByRole("link", { name: "Mes notifications" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes notifications" })).toBeVisible();
  await expect(page.getByText("Les e-mails de connexion sont toujours envoyés")).toBeVisible();
  // An employer receives new applications and "embauché ailleurs"; not the prescriber's emails.
  const hiredElsewhere = page.getByRole("checkbox", { name: "Candidat embauché ailleurs" });
  await expect(page.getByRole("checkbox", { name: "Nouvelle candidature reçue" })).toBeChecked();
  await expect(hiredElsewhere).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Candidature déclinée" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await hiredElsewhere.uncheck();
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByText("Vos préférences de notification sont enregistrées.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer mes préférences" })).toBeFocused();
  // The switch shows what was saved, and saving again keeps it.
  await expect(hiredElsewhere).not.toBeChecked();
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await saved;
  await expect(hiredElsewhere).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Candidat embauché ailleurs" })).not.toBeChecked();

  // And back on: the choice goes both ways.
  await page.getByRole("checkbox", { name: "Candidat embauché ailleurs" }).check();
  await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
  await expect(page.getByText("Vos préférences de notification sont enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Candidat embauché ailleurs" })).toBeChecked();
});

test("a candidate without an e-mail address: the employer is told, and the prescriber is asked to pass the decision on", async ({
  browser,
}) => {
  const { users, organizations } = await buildCast();
  const HUGO = await buildCandidate({ firstName: "Hugo", lastName: "Fontaine", email: null });
  await buildApplication({
    candidate: HUGO,
    sender: users.P1,
    employer: organizations.EI,
    status: "PROCESSING",
    handler: users.E1,
    daysAgo: 2,
  });
  const employer = await signedIn(browser, users.E1.email);
  await openReceivedApplication(employer, HUGO.name);

  const since = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "Embaucher plus tard" }).click();
  await expect(employer.getByText("le prescripteur en sera informé par e-mail et préviendra le candidat", { exact: false })).toBeVisible();
  await employer.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(employer.getByRole("status").filter({ hasText: "Embauche pour plus tard" })).toContainText(
    "il préviendra le candidat, qui n'a pas donné d'adresse e-mail",
  );

  const toPrescriber = await waitForMail(employer.request, { to: users.P1.email, template: "application_postponed", since });
  expect(toPrescriber.text).toContain("Hugo Fontaine n'a pas donné d'adresse e-mail\u00a0: aucun message ne lui a été envoyé.");
  expect(toPrescriber.text).toContain("Réponse de l'employeur au candidat");
  expect(toPrescriber.text).not.toContain("Réponse envoyée au candidat");

  const prescriber = await signedIn(browser, users.P1.email);
  await prescriber.goto(linksIn(toPrescriber.text).find((url) => url.includes("/applications/"))!);
  await expect(prescriber.getByTestId("no-candidate-email")).toContainText(
    "Merci de l'informer de cette décision et de lui transmettre le message",
  );
  await expect(prescriber.getByRole("heading", { name: "Message de l'employeur pour le candidat" })).toBeVisible();
  await expect(prescriber.getByRole("heading", { name: "Message envoyé au candidat" })).toHaveCount(0);
});

/**
 * The candidate's status page: a header with the service's name only, at a desktop's width and at
 * a phone's, and a footer without the professionals' help and forum, but with the team's contact.
 */
async function expectCandidateHeaderAndFooter(page: Page) {
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Contacter l'équipe" })).toBeVisible();
  await expect(footer.getByRole("link", { name: "Aide" })).toHaveCount(0);
  await expect(footer.getByRole("link", { name: /Forum de l'inclusion/ })).toHaveCount(0);
  const header = page.getByRole("banner");
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(header.getByRole("link", { name: /Suivi des candidatures/ }).first()).toBeVisible();
  await expect(header.getByRole("link", { name: "Se connecter" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Aide" })).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 667 });
  await expect(header.getByRole("button", { name: "Menu" })).toHaveCount(0);
  await page.setViewportSize(size);
}
