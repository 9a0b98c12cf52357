/**
 * Issue 10: an employer declines three applications in one batch (one e-mail per prescriber,
 * no reason in the candidates' e-mails), archives them and finds them under « Archivées »; then
 * writes and deletes a team note.
 * The spec's own organisations and people, with ids unique to the run: the demo data stays as is.
 */
import { createPrismaClient } from "../prisma/client";
import { expect, expectNoA11yViolations, readMails, signIn, test } from "./fixtures";
import { ofName } from "../lib/french";

const run = Date.now().toString(36);
const EMPLOYER_EMAIL = `lot.employeur.${run}@demo.test`;
const PRESCRIBER_EMAIL = `lot.prescripteur.${run}@demo.test`;
const REASON_LABEL = "Pas de recrutement en cours";
const PRIVATE_MESSAGE = `Message privé du lot ${run}`;
const PEOPLE = ["Albane", "Basile", "Capucine"].map((firstName, i) => ({
  id: `lot-cand-${run}-${i}`,
  applicationId: `lot-app-${run}-${i}`,
  firstName,
  lastName: `Lotissement${run}`,
  email: `lot.${firstName.toLowerCase()}.${run}@candidat.demo.test`,
}));
const nameOf = (person: (typeof PEOPLE)[number]) => `${person.firstName} ${person.lastName}`;

test.beforeAll(async () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const siret = (n: number) => String(95_000_000_000_000 + (Date.now() % 1_000_000_000) * 10 + n).slice(0, 14);
    const prescriberOrg = await prisma.organization.create({
      data: { id: `lot-org-p-${run}`, kind: "PRESCRIBER", type: "FT", name: `France Travail lot ${run}`, siret: siret(1), city: "Lille" },
    });
    const employerOrg = await prisma.organization.create({
      data: { id: `lot-org-e-${run}`, kind: "EMPLOYER", type: "EI", name: `Atelier du lot ${run}`, siret: siret(2), city: "Lille" },
    });
    const user = (email: string, firstName: string, organizationId: string) =>
      prisma.user.create({
        data: {
          email,
          firstName,
          lastName: `Lot${run}`,
          name: `${firstName} Lot${run}`,
          memberships: { create: { organizationId, role: "ADMIN" } },
        },
      });
    const prescriber = await user(PRESCRIBER_EMAIL, "Paule", prescriberOrg.id);
    await user(EMPLOYER_EMAIL, "Eliott", employerOrg.id);
    for (const [i, person] of PEOPLE.entries()) {
      await prisma.candidate.create({ data: { id: person.id, email: person.email } });
      await prisma.candidateProfile.create({
        data: { candidateId: person.id, organizationId: prescriberOrg.id, firstName: person.firstName, lastName: person.lastName },
      });
      await prisma.jobApplication.create({
        data: {
          id: person.applicationId,
          candidateId: person.id,
          senderUserId: prescriber.id,
          senderOrganizationId: prescriberOrg.id,
          employerOrganizationId: employerOrg.id,
          message: "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.",
          createdAt: new Date(Date.now() - (i + 1) * 3_600_000),
          events: { create: { transition: "send", toStatus: "NEW", actorId: prescriber.id } },
        },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
});

test("an employer declines three applications in one batch, then archives them", async ({ page }) => {
  await signIn(page, EMPLOYER_EMAIL);
  await page.goto("/employer/applications");
  const table = page.getByTestId("employer-applications-table");
  await expect(table.getByRole("row")).toHaveCount(1 + PEOPLE.length);
  await expect(page.getByTestId("selected-count")).toHaveText("Aucune candidature sélectionnée");

  // One row: "Accepter" is offered, through the application's page.
  await page.getByLabel(`Sélectionner la candidature ${ofName(nameOf(PEOPLE[0]!))}`).check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 candidature sélectionnée");
  const bar = page.getByTestId("batch-bar");
  await expect(bar.getByRole("link", { name: /^Accepter/ })).toBeVisible();

  // The whole page: only what every NEW application allows.
  await page.getByLabel("Sélectionner toutes les candidatures de la page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 candidatures sélectionnées");
  for (const label of ["J'étudie la candidature", "Embaucher plus tard", "Décliner"]) {
    await expect(bar.getByRole("button", { name: label, exact: true })).toBeVisible();
  }
  await expect(bar.getByRole("button", { name: "Archiver" })).toHaveCount(0);
  await expect(bar.getByRole("link", { name: /^Accepter/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  const since = new Date(Date.now() - 1000);
  await bar.getByRole("button", { name: "Décliner", exact: true }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Décliner les 3 candidatures" })).toBeVisible();
  await page.getByLabel("Motif du refus").selectOption({ label: REASON_LABEL });
  await expect(page.getByLabel("Réponse aux candidats")).not.toHaveValue("");
  await page.getByLabel("Message privé aux prescripteurs (facultatif)").fill(PRIVATE_MESSAGE);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Décliner les 3 candidatures" }).click();
  await expect(bar.getByRole("status")).toHaveText("3 candidatures déclinées.");
  // The Statut cells (a narrow screen's copy under each name is hidden from assistive tech).
  await expect(table.getByRole("cell", { name: "Candidature déclinée", exact: true })).toHaveCount(3);
  await expect(page.getByTestId("selected-count")).toHaveText("Aucune candidature sélectionnée");

  // One e-mail per application to the prescriber, with the reason; the candidates never read it.
  await expect
    .poll(async () => (await readMails(page.request, { to: PRESCRIBER_EMAIL, template: "application_refused", since })).length)
    .toBe(3);
  const toPrescriber = await readMails(page.request, { to: PRESCRIBER_EMAIL, template: "application_refused", since });
  for (const mail of toPrescriber) {
    expect(mail.text).toContain(REASON_LABEL);
    expect(mail.text).toContain(PRIVATE_MESSAGE);
  }
  for (const person of PEOPLE) {
    const [mail, ...others] = await readMails(page.request, { to: person.email, template: "application_refused", since });
    expect(others).toHaveLength(0);
    expect(mail!.text).not.toContain(REASON_LABEL);
    expect(mail!.text).not.toContain(PRIVATE_MESSAGE);
  }

  // Closed now: the same selection offers "Archiver", and nothing else.
  await page.getByLabel("Sélectionner toutes les candidatures de la page").check();
  await expect(bar.getByRole("button", { name: "Décliner", exact: true })).toHaveCount(0);
  await bar.getByRole("button", { name: "Archiver" }).click();
  await expect(bar.getByRole("status")).toHaveText("3 candidatures archivées.");
  // They leave the active list, and are found under « Archivées ».
  await expect(table).toHaveCount(0);
  await page.getByRole("link", { name: "Archivées" }).click();
  await expect(page.getByRole("link", { name: "Archivées" })).toHaveAttribute("aria-current", "page");
  for (const person of PEOPLE) await expect(table.getByRole("link", { name: nameOf(person) })).toBeVisible();
  await expect(table.getByTestId("archived-badge")).toHaveCount(3);
  await expectNoA11yViolations(page);
});

test("the team writes a note on an application; its author deletes it", async ({ page }) => {
  await signIn(page, EMPLOYER_EMAIL);
  await page.goto(`/applications/${PEOPLE[1]!.applicationId}`);
  await expect(page.getByRole("heading", { level: 2, name: "Commentaires internes" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter le commentaire" }).click();
  await expect(page.getByText("Saisissez le commentaire.")).toBeVisible();
  await page.getByRole("textbox", { name: /^Commentaire/ }).fill(`Entretien prévu jeudi, lot ${run}`);
  await page.getByRole("button", { name: "Ajouter le commentaire" }).click();
  const notes = page.getByTestId("internal-notes");
  await expect(notes).toContainText(`Entretien prévu jeudi, lot ${run}`);
  await expect(notes).toContainText(`Eliott Lot${run}`);
  // The keyboard stays on the button (not back at the page's top).
  await expect(page.getByRole("button", { name: "Ajouter le commentaire" })).toBeFocused();
  await expectNoA11yViolations(page);
  await notes.getByRole("button", { name: /^Supprimer/ }).click();
  await expect(page.getByText("Aucun commentaire pour le moment.")).toBeVisible();
});
