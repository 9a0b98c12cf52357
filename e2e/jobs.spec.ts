import { buildApplication, buildCandidate, buildCast, buildJob } from "./builders";
import { expect, expectNoA11yViolations, signIn, test, waitForMail } from "./fixtures";

// Issue 13, "Done when": an employer creates a job and closes another; a prescriber sees only the
// open one, sends for it, and is refused on the closed one (it closes while the form is open); the
// employer accepts with « Poste retenu »; the prescriber sends a declined application to another
// employer from its page. axe finds no violation on any of these screens.

test("fiches de poste: create and close, send for the open job, refused on the closed one, Poste retenu, re-send after a refusal", async ({
  browser,
}) => {
  // Three people sign in and axe checks eight screens.
  test.slow();
  const cast = await buildCast();
  const { EI, ACI } = cast.organizations;
  const { P1, E1, A1 } = cast.users;
  const closing = await buildJob(EI, { title: "Chauffeur-livreur" });
  const newTitle = `Agent de tri ${Date.now()}`;
  const lastName = `Poste${Date.now()}`;
  const since = new Date(Date.now() - 1000);

  // ——— The employer creates a job ———
  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, E1.email);
  await employer.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Fiches de poste" }).click();
  await expect(employer.getByRole("heading", { level: 1, name: "Fiches de poste" })).toBeVisible();
  await expect(employer.getByRole("heading", { name: "Candidatures spontanées\u00a0: ouvertes" })).toBeVisible();
  await employer.getByRole("link", { name: "Créer une fiche de poste" }).click();
  await employer.getByRole("button", { name: "Créer la fiche de poste" }).click();
  await expect(employer.getByText("Saisissez l'intitulé du poste.")).toBeVisible();
  await expect(employer.getByText("Choisissez le type de contrat.")).toBeVisible();
  await employer.getByLabel("Intitulé du poste").fill(newTitle);
  await employer.getByLabel("Type de contrat").selectOption({ label: "CDDI" });
  await employer.getByLabel("Ville").fill("Roubaix");
  await employer.getByLabel("Département").fill("59");
  await employer.getByLabel("Heures par semaine").fill("26");
  await employer.getByLabel("Nombre de postes").fill("2");
  await expectNoA11yViolations(employer);
  await employer.getByRole("button", { name: "Créer la fiche de poste" }).click();
  await expect(employer.getByRole("heading", { level: 1, name: "Fiches de poste" })).toBeVisible();
  await expect(employer.getByRole("status").filter({ hasText: "La fiche de poste est créée" })).toBeVisible();
  // Said once: the address drops it, so neither a reload nor the next action says it again.
  await expect(employer).toHaveURL(/\/employer\/jobs$/);
  const jobs = employer.getByRole("table", { name: "Fiches de poste" });
  await expect(jobs.getByRole("row", { name: new RegExp(newTitle) })).toContainText("Recrutement ouvert");

  // ——— The prescriber starts an application while both jobs are open ———
  const prescriber = await (await browser.newContext()).newPage();
  await signIn(prescriber, P1.email);
  await prescriber.goto("/prescriber/applications/new");
  await prescriber.getByLabel("Prénom").fill("Awa");
  await prescriber.getByLabel("Nom", { exact: true }).fill(lastName);
  await prescriber.getByLabel("Adresse e-mail du candidat (facultatif)").fill(`awa.${lastName.toLowerCase()}@candidat.e2e.test`);
  await prescriber.getByLabel("Rechercher un employeur").fill(EI.name);
  const eiRadio = prescriber.getByRole("radio", { name: new RegExp(`${EI.name} — ${EI.city}`) });
  await expect(eiRadio).toBeVisible();
  await eiRadio.check({ force: true });
  const picker = prescriber.getByRole("group", { name: `Poste visé chez ${EI.name}` });
  await picker.getByRole("checkbox", { name: new RegExp(closing.title) }).check({ force: true });
  await prescriber.getByLabel("Message à l'employeur").fill("Bonjour, Awa a déjà conduit des véhicules utilitaires et est disponible.");

  // ——— Meanwhile the employer closes that job ———
  await jobs
    .getByRole("row", { name: new RegExp(closing.title) })
    .getByRole("button", { name: `Fermer le recrutement\u00a0: ${closing.title}` })
    .click();
  await expect(employer.getByText(`Le recrutement est fermé pour «\u00a0${closing.title}\u00a0»`)).toBeVisible();
  await expect(jobs.getByRole("row", { name: new RegExp(closing.title) })).toContainText("Recrutement fermé");
  await expect(employer.getByText("La fiche de poste est créée")).toHaveCount(0);
  // The keyboard stays on the button, now the one that reopens it.
  await expect(jobs.getByRole("button", { name: `Ouvrir le recrutement\u00a0: ${closing.title}` })).toBeFocused();
  await expect(employer.getByRole("region", { name: "Historique des modifications" })).toContainText(
    `Nadia Lefèvre a fermé le recrutement de la fiche «\u00a0${closing.title}\u00a0»`,
  );
  await expectNoA11yViolations(employer);

  // ——— The send for the closed job is refused, in French; the open job goes through ———
  await prescriber.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(prescriber.getByText(`Le recrutement est fermé pour le poste «\u00a0${closing.title}\u00a0»`)).toBeVisible();
  await expectNoA11yViolations(prescriber);
  // The form reads the employer's jobs again: the closed one is no longer offered.
  await expect(picker.getByRole("checkbox", { name: new RegExp(closing.title) })).toHaveCount(0);
  // Nor named in the employer's line among the search results.
  await expect(prescriber.getByText(new RegExp(`Recrute\u00a0: [^·]*${closing.title}`))).toHaveCount(0);
  await picker.getByRole("checkbox", { name: new RegExp(newTitle) }).check({ force: true });
  await prescriber.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(prescriber.getByRole("heading", { level: 1, name: "Candidature envoyée" })).toBeVisible();
  // A fresh search offers the open job only.
  await prescriber.goto("/prescriber/applications/new");
  await prescriber.getByLabel("Rechercher un employeur").fill(EI.name);
  const hint = prescriber.getByRole("radio", { name: new RegExp(`${EI.name} — ${EI.city}`) });
  await expect(hint).toBeVisible();
  await hint.check({ force: true });
  await expect(picker.getByRole("checkbox", { name: new RegExp(newTitle) })).toHaveCount(1);
  await expect(picker.getByRole("checkbox", { name: new RegExp(closing.title) })).toHaveCount(0);
  // Nor named in the employer's line among the search results.
  await expect(prescriber.getByText(new RegExp(`Recrute\u00a0: [^·]*${closing.title}`))).toHaveCount(0);

  // ——— The employer sees the job on its list, filters by it, and accepts with « Poste retenu » ———
  await employer.goto("/employer/applications");
  await employer.getByLabel("Poste", { exact: true }).selectOption({ label: newTitle });
  await employer.getByRole("button", { name: "Filtrer" }).click();
  const row = employer.getByRole("row", { name: new RegExp(lastName) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${newTitle} (CDDI)`);
  await row.getByRole("link", { name: `Awa ${lastName}` }).click();
  await employer.getByRole("button", { name: "Accepter", exact: true }).click();
  await expect(employer.getByLabel("Poste retenu")).toHaveValue(/.+/);
  await expectNoA11yViolations(employer);
  await employer.getByRole("button", { name: "Confirmer l'embauche" }).click();
  await expect(employer.getByText("Candidature acceptée").first()).toBeVisible();
  await expect(employer.locator("dt", { hasText: "Poste retenu" }).locator("xpath=following-sibling::dd[1]")).toContainText(newTitle);
  const accepted = await waitForMail(employer.request, { to: P1.email, template: "application_accepted", since });
  expect(accepted.text).toContain(`Poste retenu\u00a0: ${newTitle} (CDDI)`);

  // ——— The prescriber sends a declined application to another employer ———
  const candidate = await buildCandidate({ firstName: "Yanis", lastName: `Relance${Date.now()}` });
  const declined = await buildApplication({
    candidate,
    sender: P1,
    employer: EI,
    status: "REFUSED",
    handler: E1,
    message: "Bonjour, Yanis cherche un emploi à temps partiel, il est très motivé.",
  });
  await prescriber.goto(declined.path);
  await expectNoA11yViolations(prescriber);
  await prescriber.getByRole("link", { name: "Envoyer à un autre employeur" }).click();
  await expect(prescriber.getByText(`Vous envoyez à un autre employeur la candidature déclinée par ${EI.name}`)).toBeVisible();
  await expect(prescriber.getByLabel("Message à l'employeur")).toHaveValue(
    "Bonjour, Yanis cherche un emploi à temps partiel, il est très motivé.",
  );
  await prescriber.getByLabel("Rechercher un employeur").fill(ACI.name);
  await prescriber.getByRole("radio", { name: new RegExp(`${ACI.name} — ${ACI.city}`) }).check({ force: true });
  // The ACI has no job: « Candidature spontanée » is already ticked.
  await expect(prescriber.getByRole("checkbox", { name: /Candidature spontanée/ })).toBeChecked();
  await expectNoA11yViolations(prescriber);
  await prescriber.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(prescriber.getByRole("heading", { level: 1, name: "Candidature envoyée" })).toBeVisible();
  await prescriber.getByRole("link", { name: "Voir la candidature" }).click();
  await expect(prescriber).toHaveURL(/\/applications\/[^/]+$/);
  const secondPath = new URL(prescriber.url()).pathname;
  const links = prescriber.getByRole("region", { name: "Autres employeurs" });
  await expect(links.getByRole("link", { name: new RegExp(EI.name) })).toHaveAttribute("href", declined.path);
  await prescriber.goto(declined.path);
  await expect(
    prescriber.getByRole("region", { name: "Autres employeurs" }).getByRole("link", { name: new RegExp(ACI.name) }),
  ).toHaveAttribute("href", secondPath);

  // Each employer sees only its own application: the first learns nothing of the second.
  await employer.goto(declined.path);
  await expect(employer.getByRole("heading", { level: 1 })).toContainText(candidate.name);
  await expect(employer.getByRole("region", { name: "Autres employeurs" })).toHaveCount(0);
  await expect(employer.getByText(ACI.name)).toHaveCount(0);
  const aci = await (await browser.newContext()).newPage();
  await signIn(aci, A1.email);
  await aci.goto(secondPath);
  await expect(aci.getByRole("heading", { level: 1 })).toContainText(candidate.name);
  await expect(aci.getByRole("region", { name: "Autres employeurs" })).toHaveCount(0);
  await expectNoA11yViolations(aci);
});

test("editing a job says what was saved: a change, or nothing when the form was left as it was", async ({ page }) => {
  const cast = await buildCast();
  const job = await buildJob(cast.organizations.EI, { title: "Valoriste" });
  await signIn(page, cast.users.E1.email);
  const history = page.getByRole("region", { name: "Historique des modifications" });

  await page.goto(`/employer/jobs/${job.id}`);
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fiches de poste" })).toBeVisible();
  await expect(page.getByText("Aucune modification\u00a0: la fiche de poste est restée telle quelle.")).toBeVisible();
  await expect(page.getByText("Les modifications de la fiche de poste sont enregistrées.")).toHaveCount(0);
  await expect(history.getByText(`a modifié la fiche «\u00a0${job.title}\u00a0»`)).toHaveCount(0);

  await page.goto(`/employer/jobs/${job.id}`);
  await page.getByLabel("Nombre de postes").fill("4");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByText("Les modifications de la fiche de poste sont enregistrées.")).toBeVisible();
  await expect(history).toContainText(`a modifié la fiche «\u00a0${job.title}\u00a0»`);
});
