import type { Browser, Page } from "@playwright/test";
import { DEFAULT_REFUSAL_MESSAGES, REFUSAL_REASON_LABELS } from "../lib/status";
import { addressesOf, buildApplication, buildCandidate, buildCast, e2eDatabase, type Cast } from "./builders";
import { expect, expectNoA11yViolations, readMails, signIn, statusLinkIn, test, waitForMail } from "./fixtures";
import { ofName } from "../lib/french";
import { dayAt, startOfDay } from "../lib/jobs/day";
import { parseCalendarDate } from "../lib/calendar-date";

// Issue 3: the employer's decisions. Each test builds the demo's cast afresh (e2e/builders.ts)
// and the candidates it decides on, as the demo has them: Thi Mai Tran, pending with both
// employers; Alice Moreau, new at the EI; Karima Saïdi, hired by the EI.

const nadia = (cast: Cast) => cast.users.E1.name;

// Each story signs two or three people in (e-mail, then the confirmation page) and runs axe on
// several screens: under two workers on a busy 2-core machine they ran past two minutes.
test.beforeEach(() => test.slow());

/** Thi Mai Tran: new at the EI (sent by Camille Martin) and at the ACI (sent by the Mission locale). */
async function buildThi(cast: Cast) {
  const thi = await buildCandidate({ firstName: "Thi", lastName: "Mai Tran" });
  await buildApplication({ candidate: thi, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW", daysAgo: 1 });
  await buildApplication({ candidate: thi, sender: cast.users.ML, employer: cast.organizations.ACI, status: "NEW", daysAgo: 2 });
  return thi;
}
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** "Candidatures reçues", narrowed to one candidate: their row. */
async function findRow(page: Page, candidateName: string) {
  await page.goto("/employer/applications");
  await expect(page.getByRole("heading", { level: 1, name: "Candidatures reçues" })).toBeVisible();
  await page.getByLabel("Nom du candidat").fill(candidateName);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/candidate=/);
  const row = page.getByRole("row", { name: new RegExp(candidateName) });
  await expect(row).toHaveCount(1);
  return row;
}

async function openApplication(page: Page, candidateName: string) {
  const row = await findRow(page, candidateName);
  await row.getByRole("link", { name: candidateName }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Candidature ${ofName(candidateName)}` })).toBeVisible();
  // The tab names the person too, to tell several open applications apart.
  await expect(page).toHaveTitle(`Candidature ${ofName(candidateName)} — Suivi des candidatures`);
}

const statusLine = (page: Page) => page.locator("main .fr-badge").first();
const decision = (page: Page) => page.getByRole("region", { name: "Décision" });

test("study, colleague sees the handler, accept by keyboard, and the other employer sees «\u00a0Embauché ailleurs\u00a0»", async ({
  browser,
}) => {
  const cast = await buildCast();
  const THI = await buildThi(cast);
  const NADIA = nadia(cast);
  const employer = await signedIn(browser, cast.users.E1.email);
  await findRow(employer, THI.name);
  await expectNoA11yViolations(employer);
  await openApplication(employer, THI.name);
  await expect(statusLine(employer)).toHaveText("Nouvelle candidature");
  // Exactly the buttons lib/status.ts allows from NEW.
  await expect(decision(employer).getByRole("button")).toHaveText([
    "J'étudie la candidature",
    "Embaucher plus tard",
    "Accepter",
    "Décliner",
  ]);

  const beforeStudy = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "J'étudie la candidature" }).click();
  await expect(employer.getByTestId("handler")).toHaveText(`Prise en charge par ${NADIA}`);
  await expect(statusLine(employer)).toHaveText("Candidature à l'étude");
  await expect(employer.getByRole("listitem").filter({ hasText: "Candidature mise à l'étude" })).toContainText(NADIA);
  await expectNoA11yViolations(employer);

  // A colleague sees who handles it, in the list and on the page.
  const colleague = await signedIn(browser, cast.users.E2.email);
  await expect(await findRow(colleague, THI.name)).toContainText(NADIA);
  await openApplication(colleague, THI.name);
  await expect(colleague.getByTestId("handler")).toHaveText(`Prise en charge par ${NADIA}`);
  await expect(colleague.getByRole("button", { name: "Je prends en charge" })).toBeVisible();
  // Studying notifies nobody (FAQ): none of the people of this story.
  const everyone = addressesOf(cast, THI);
  expect((await readMails(employer.request, { to: everyone, since: beforeStudy })).filter((mail) => mail.template !== "sign_in")).toEqual(
    [],
  );

  // Accept, by keyboard only: the button opens the form and puts the focus in it.
  await employer.getByRole("button", { name: "Accepter", exact: true }).focus();
  await employer.keyboard.press("Enter");
  const start = employer.getByLabel("Date de début du contrat");
  await expect(start).toBeFocused();
  await start.fill("");
  await employer.getByRole("button", { name: "Confirmer l'embauche" }).focus();
  await employer.keyboard.press("Enter");
  await expect(employer.getByText("Saisissez la date de début du contrat.")).toBeVisible();
  await start.fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await employer.getByLabel("Message au candidat (facultatif)").fill("Bienvenue\u00a0! Rendez-vous lundi à 9 h.");
  await expectNoA11yViolations(employer);
  const beforeAccept = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "Confirmer l'embauche" }).focus();
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("status").filter({ hasText: "maintenant «\u00a0Candidature acceptée\u00a0»" })).toBeVisible();
  await expect(statusLine(employer)).toHaveText("Candidature acceptée");
  await expect(decision(employer).getByRole("button")).toHaveText(["Annuler l'embauche"]);

  // Les Jardins Solidaires had Thi Mai Tran's application too: now « Embauché ailleurs », by the system.
  const aci = await signedIn(browser, cast.users.A1.email);
  await expect(await findRow(aci, THI.name)).toContainText("Embauché ailleurs");
  await openApplication(aci, THI.name);
  await expect(statusLine(aci)).toHaveText("Embauché ailleurs");
  await expect(aci.getByRole("listitem").filter({ hasText: "Candidat embauché par un autre employeur" })).toContainText("par Système");
  // Still possible to hire (part-time): accept is offered from OBSOLETE.
  await expect(decision(aci).getByRole("button")).toHaveText(["Accepter"]);
  await expect(aci.getByText(cast.organizations.EI.name)).toHaveCount(0);
  await expectNoA11yViolations(aci);

  await waitForMail(employer.request, { to: THI.email!, template: "application_accepted", since: beforeAccept });
  await waitForMail(employer.request, { to: cast.users.P1.email, template: "application_accepted", since: beforeAccept });
  await waitForMail(employer.request, { to: cast.users.A1.email, template: "hired_elsewhere", since: beforeAccept });
});

test("a refusal with a reason: the prescriber gets it, the candidate never; a stale page is told plainly", async ({ browser }) => {
  const cast = await buildCast();
  const ALICE = await buildCandidate({ firstName: "Alice", lastName: "Moreau" });
  await buildApplication({ candidate: ALICE, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW" });
  const employer = await signedIn(browser, cast.users.E1.email);
  await openApplication(employer, ALICE.name);
  // The colleague opened the same application before the refusal.
  const colleague = await signedIn(browser, cast.users.E2.email);
  await openApplication(colleague, ALICE.name);
  // And the employer had it open in a second tab too.
  const secondTab = await employer.context().newPage();
  await secondTab.goto(employer.url());

  await employer.getByRole("button", { name: "Décliner", exact: true }).click();
  const answer = employer.getByLabel("Réponse au candidat");
  await expect(employer.getByLabel("Motif du refus")).toBeFocused();
  await employer.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(employer.getByText("Choisissez le motif du refus.")).toBeVisible();
  await employer.getByLabel("Motif du refus").selectOption({ label: REFUSAL_REASON_LABELS.UNREACHABLE });
  await expect(answer).toHaveValue(DEFAULT_REFUSAL_MESSAGES.UNREACHABLE);
  await answer.fill("Bonjour, nous n'avons pas réussi à vous joindre. Bonne continuation.");
  await employer.getByLabel("Message privé au prescripteur (facultatif)").fill("Trois appels sans réponse cette semaine.");
  await expectNoA11yViolations(employer);
  const beforeRefusal = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(statusLine(employer)).toHaveText("Candidature déclinée");
  await expect(employer.getByRole("region", { name: "Réponse" })).toContainText(REFUSAL_REASON_LABELS.UNREACHABLE);

  const toCandidate = await waitForMail(employer.request, { to: ALICE.email!, template: "application_refused", since: beforeRefusal });
  expect(`${toCandidate.subject}${toCandidate.text}${toCandidate.html}`).not.toContain(REFUSAL_REASON_LABELS.UNREACHABLE);
  expect(toCandidate.text).toContain("nous n'avons pas réussi à vous joindre");
  const toPrescriber = await waitForMail(employer.request, {
    to: cast.users.P1.email,
    template: "application_refused",
    since: beforeRefusal,
  });
  expect(toPrescriber.text).toContain(REFUSAL_REASON_LABELS.UNREACHABLE);
  expect(toPrescriber.text).toContain("Trois appels sans réponse cette semaine.");

  // The colleague's page still shows « Nouvelle candidature »: their click changes nothing and says
  // so, without reading as if their own decision had been made.
  await colleague.getByRole("button", { name: "J'étudie la candidature" }).click();
  await expect(
    colleague.getByRole("alert").filter({
      hasText:
        "La candidature a changé entre-temps\u00a0: elle est maintenant «\u00a0Candidature déclinée\u00a0». Votre décision n'a pas été enregistrée",
    }),
  ).toBeVisible();
  await expect(statusLine(colleague)).toHaveText("Candidature déclinée");
  await expect(colleague.getByTestId("handler")).toHaveText(`Prise en charge par ${nadia(cast)}`);

  // The same refusal again from the stale tab: already done, and said so.
  await secondTab.getByRole("button", { name: "Décliner", exact: true }).click();
  await secondTab.getByLabel("Motif du refus").selectOption({ label: REFUSAL_REASON_LABELS.UNREACHABLE });
  await secondTab.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(
    secondTab
      .getByRole("alert")
      .filter({ hasText: "Action déjà effectuée\u00a0: la candidature est maintenant «\u00a0Candidature déclinée\u00a0»." }),
  ).toBeVisible();
});

test("a cancelled hire asks for confirmation and tells the prescriber why", async ({ browser }) => {
  const cast = await buildCast();
  // Hired by the EI after Julien Bernard sent the application; Nadia Lefèvre decided.
  const KARIMA = await buildCandidate({ firstName: "Karima", lastName: "Saïdi" });
  const WELCOME = "Bienvenue dans l'équipe\u00a0! Rendez-vous lundi à 9 h.";
  await buildApplication({
    candidate: KARIMA,
    sender: cast.users.P2,
    employer: cast.organizations.EI,
    status: "ACCEPTED",
    handler: cast.users.E1,
    daysAgo: 20,
    answerToCandidate: WELCOME,
  });
  const employer = await signedIn(browser, cast.users.E1.email);
  await openApplication(employer, KARIMA.name);
  await expect(statusLine(employer)).toHaveText("Candidature acceptée");

  const cancel = employer.getByRole("button", { name: "Annuler l'embauche" });
  await cancel.click();
  await expect(cancel).toHaveAttribute("aria-expanded", "true");
  // Changing one's mind: nothing happens, the focus comes back to the button.
  await employer.getByRole("button", { name: "Ne pas annuler" }).click();
  await expect(cancel).toBeFocused();
  await expect(statusLine(employer)).toHaveText("Candidature acceptée");

  await employer.keyboard.press("Enter");
  const reason = employer.getByLabel("Motif de l'annulation (facultatif)");
  await expect(reason).toBeFocused();
  await reason.fill("La candidate ne s'est pas présentée le premier jour.");
  const beforeCancel = new Date(Date.now() - 500);
  await employer.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await expect(statusLine(employer)).toHaveText("Embauche annulée");
  await expect(employer.getByRole("listitem").filter({ hasText: "La candidate ne s'est pas présentée le premier jour." })).toContainText(
    nadia(cast),
  );
  await expect(decision(employer).getByRole("button")).toHaveText(["Accepter"]);

  // Karima's application was sent by Julien Bernard.
  const toPrescriber = await waitForMail(employer.request, { to: cast.users.P2.email, template: "hire_cancelled", since: beforeCancel });
  expect(toPrescriber.text).toContain("La candidate ne s'est pas présentée le premier jour.");
  const toCandidate = await waitForMail(employer.request, { to: KARIMA.email!, template: "hire_cancelled", since: beforeCancel });

  // The welcome sent with the acceptance no longer stands: the team reads the planned start, and
  // the candidate's page shows the cancellation without it (the history keeps it).
  const answer = employer.getByRole("region", { name: "Réponse", exact: true });
  await expect(answer.getByText("Début du contrat prévu")).toBeVisible();
  await expect(answer.getByText(WELCOME)).toHaveCount(0);
  const candidate = await (await browser.newContext()).newPage();
  await candidate.goto(statusLinkIn(toCandidate.text));
  await expect(candidate.getByRole("region", { name: new RegExp(cast.organizations.EI.name) }).getByText("Embauche annulée")).toBeVisible();
  await expect(candidate.getByText(WELCOME)).toHaveCount(0);
});

test("another organisation's application answers 404", async ({ browser }) => {
  const cast = await buildCast();
  const ALICE = await buildCandidate({ firstName: "Alice", lastName: "Moreau" });
  await buildApplication({ candidate: ALICE, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW" });
  const employer = await signedIn(browser, cast.users.E1.email);
  await openApplication(employer, ALICE.name);
  const path = new URL(employer.url()).pathname;
  for (const email of [cast.users.A1.email, cast.users.ML.email]) {
    const other = await signedIn(browser, email);
    const response = await other.goto(path);
    expect(response?.status(), email).toBe(404);
    await expect(other.getByText(ALICE.name)).toHaveCount(0);
  }
});

test("a warned application says when it will be declined automatically, until someone answers it", async ({ browser }) => {
  const cast = await buildCast();
  const NOE = await buildCandidate({ firstName: "Noé", lastName: "Oubli" });
  const { id, path } = await buildApplication({ candidate: NOE, sender: cast.users.P1, employer: cast.organizations.EI, daysAgo: 50 });
  // What the nightly "auto-refusal-warning" writes for it today (lib/applications/auto-refusal.ts).
  const today = dayAt(new Date());
  await e2eDatabase().jobApplication.update({
    where: { id },
    data: { statusChangedAt: new Date(Date.now() - 50 * 86_400_000), autoRefusalWarnedAt: startOfDay(today) },
  });
  // 15 days after the warning, the wait of 60 days being over by then.
  const refusal = new Date(parseCalendarDate(today)!.getTime() + 15 * 86_400_000);
  const day = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(refusal);
  const shortDay = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(refusal);

  const prescriber = await signedIn(browser, cast.users.P1.email);
  await prescriber.goto(path);
  await expect(prescriber.getByTestId("auto-refusal-notice")).toHaveText(
    `Sans réponse de l'employeur, cette candidature sera déclinée automatiquement le ${day}.`,
  );

  const employer = await signedIn(browser, cast.users.E1.email);
  // The list shows which rows are urgent.
  await expect((await findRow(employer, NOE.name)).getByTestId("refusal-day")).toHaveText(`Refus automatique le ${shortDay}`);
  await openApplication(employer, NOE.name);
  await expect(employer.getByTestId("auto-refusal-notice")).toHaveText(
    `Sans réponse de votre équipe, cette candidature sera déclinée automatiquement le ${day}. Tout changement de statut relance le délai de 2 mois.`,
  );
  await expectNoA11yViolations(employer);
  // Studying it starts a new wait: nothing is due any more.
  await decision(employer).getByRole("button", { name: "J'étudie la candidature" }).click();
  await expect(statusLine(employer)).toHaveText("Candidature à l'étude");
  await expect(employer.getByTestId("auto-refusal-notice")).toHaveCount(0);
  await expect((await findRow(employer, NOE.name)).getByTestId("refusal-day")).toHaveCount(0);
  await prescriber.reload();
  await expect(prescriber.getByTestId("auto-refusal-notice")).toHaveCount(0);
});

// DESIGN §3: any member can take over what is still to be decided, postponed included.
for (const [status, label, lastName] of [
  ["PROCESSING", "Candidature à l'étude", "Reprise"],
  ["POSTPONED", "Embauche pour plus tard", "Attente"],
] as const) {
  test(`a take-over of «\u00a0${label}\u00a0» names the new handler, and its history line keeps the status`, async ({ browser }) => {
    const cast = await buildCast();
    const LEA = await buildCandidate({ firstName: "Léa", lastName });
    await buildApplication({ candidate: LEA, sender: cast.users.P1, employer: cast.organizations.EI, status, handler: cast.users.E1 });
    const colleague = await signedIn(browser, cast.users.E2.email);
    await openApplication(colleague, LEA.name);
    await colleague.getByRole("button", { name: "Je prends en charge" }).click();
    await expect(colleague.getByTestId("handler")).toHaveText(`Prise en charge par ${cast.users.E2.name}`);
    const takeOver = colleague
      .getByRole("listitem")
      .filter({ has: colleague.getByRole("heading", { name: "Changement de prise en charge" }) });
    await expect(takeOver).toContainText(`par ${cast.users.E2.name}`);
    await expect(takeOver).toContainText(label);
    await expect(takeOver).not.toContainText("→");
  });
}
