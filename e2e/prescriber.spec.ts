import { buildApplication, buildCandidate, buildCast, buildJob } from "./builders";
import { expect, expectNoA11yViolations, readMails, signIn, test, waitForMail } from "./fixtures";

// Issue 4: a prescriber sends an application for a new candidate; the whole organisation follows
// it and sees the refusal reason; another prescriber organisation never sees it.
// The demo's cast, built afresh for this test (e2e/builders.ts), and a candidate of its own.

const PRIVATE_MESSAGE = "Le poste demande le permis B\u00a0; rappelez-nous pour en parler.";

test("a prescriber sends an application, the colleague follows the refusal, another organisation sees nothing", async ({ browser }) => {
  // Four people sign in (e-mail, then the confirmation page) and axe checks six screens: the
  // longest journey of the suite, past two minutes on a 2-core machine.
  test.slow();
  const { organizations, users } = await buildCast();
  const EMPLOYER = organizations.EI;
  const lastName = `Essai${Date.now()}`;
  const candidateName = `Zélie ${lastName}`;
  const since = new Date(Date.now() - 1000);

  // ——— The demo prescriber sends the application ———
  const sender = await (await browser.newContext()).newPage();
  await signIn(sender, users.P1.email);
  await sender.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Envoyer une candidature" }).click();
  await expect(sender.getByRole("heading", { level: 1, name: "Envoyer une candidature" })).toBeVisible();

  // Errors are explained beside the fields, in French, and the keyboard lands on the first one
  // from the very first try.
  await sender.getByRole("button", { name: "Envoyer la candidature" }).focus();
  await sender.keyboard.press("Enter");
  await expect(sender.getByText("Saisissez le prénom du candidat.")).toBeVisible();
  await expect(sender.getByLabel("Prénom")).toBeFocused();
  await expect(sender.getByText("Choisissez un employeur dans les résultats de la recherche.").first()).toBeVisible();
  await expect(sender.getByText("Écrivez un message à l'employeur.")).toBeVisible();

  await sender.getByLabel("Prénom").fill("Zélie");
  await sender.getByLabel("Nom", { exact: true }).fill(lastName);
  // No email: the form says what that means.
  await expect(sender.getByText("Sans adresse e-mail, le candidat ne recevra aucun e-mail")).toBeVisible();
  await sender.getByLabel("Rechercher un employeur").fill("zzz-aucun-employeur");
  await expect(sender.getByText("Aucun employeur ne correspond à votre recherche.", { exact: false })).toBeVisible();
  // Its full name: every worker's cast has a Recyclerie of its own.
  await sender.getByLabel("Rechercher un employeur").fill(EMPLOYER.name);
  // DSFR draws the radio on its label, which receives the click: force skips Playwright's hit check only.
  await sender.getByRole("radio", { name: new RegExp(`${EMPLOYER.name} — ${EMPLOYER.city}`) }).check({ force: true });
  await sender.getByLabel("Métier ou poste visé (facultatif)").fill("Agent de tri");
  await sender
    .getByLabel("Message à l'employeur")
    .fill("Bonjour, Zélie est motivée et disponible. Elle n'a pas d'adresse e-mail\u00a0: merci de me répondre directement.");
  await expectNoA11yViolations(sender);
  await sender.getByRole("button", { name: "Envoyer la candidature" }).click();

  await expect(sender.getByRole("heading", { level: 1, name: "Candidature envoyée" })).toBeVisible();
  await expect(sender.getByText("il ne recevra aucun e-mail", { exact: false })).toBeVisible();
  await expectNoA11yViolations(sender);
  await sender.getByRole("link", { name: "Voir la candidature" }).click();
  await expect(sender).toHaveURL(/\/applications\/[^/]+$/);
  const applicationPath = new URL(sender.url()).pathname;

  // Outbox of DESIGN §5: the employer team and the prescriber; no candidate email was given.
  await waitForMail(sender.request, { to: users.E1.email, template: "application_received", since });
  await waitForMail(sender.request, { to: users.E2.email, template: "application_received", since });
  await waitForMail(sender.request, { to: users.P1.email, template: "application_sent", since });
  const toCandidate = (await readMails(sender.request, { template: "application_confirmation", since })).filter((m) =>
    m.text.includes(lastName),
  );
  expect(toCandidate).toEqual([]);

  // ——— The colleague finds it in "Suivi des candidatures" ———
  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, users.P2.email);
  await colleague.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Suivi des candidatures" }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: "Suivi des candidatures" })).toBeVisible();
  await colleague.getByLabel("Nom du candidat").fill(lastName);
  await colleague.getByRole("button", { name: "Filtrer" }).click();
  await expect(colleague).toHaveURL(new RegExp(`candidate=${lastName}`));
  const row = colleague.getByRole("row", { name: new RegExp(lastName) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: candidateName, exact: true })).toBeVisible();
  await expect(row).toContainText(EMPLOYER.name);
  await expect(row).toContainText(users.P1.name);
  await expect(row).toContainText("Nouvelle candidature");
  await expectNoA11yViolations(colleague);

  // ——— The employer declines it, with a reason ———
  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, users.E1.email);
  await employer.goto(applicationPath);
  await employer.getByRole("button", { name: "Décliner" }).click();
  await employer.getByLabel("Motif du refus").selectOption({ label: "Autre" });
  await employer.getByLabel("Réponse au candidat").fill("Bonjour, nous ne pouvons pas donner suite pour le moment. Bonne continuation.");
  await employer.getByLabel("Message privé au prescripteur (facultatif)").fill(PRIVATE_MESSAGE);
  await employer.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(employer.getByText("Candidature déclinée").first()).toBeVisible();

  // ——— The colleague sees the reason, the private message and whom to contact ———
  await row.getByRole("link", { name: /Voir la candidature/ }).click();
  await expect(colleague).toHaveURL(new RegExp(`${applicationPath}$`));
  const answer = colleague.getByRole("region", { name: "Réponse de l'employeur" });
  await expect(answer.locator("dt", { hasText: "Motif du refus" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Autre");
  await expect(answer.getByText(PRIVATE_MESSAGE)).toBeVisible();
  await expect(answer.getByText("Contactez l'employeur pour en savoir plus")).toBeVisible();
  await expect(answer.getByRole("link", { name: EMPLOYER.contactEmail! })).toBeVisible();
  // Display only: none of the employer's buttons.
  for (const name of ["J'étudie la candidature", "Accepter", "Décliner", "Embaucher plus tard"]) {
    await expect(colleague.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  await expectNoA11yViolations(colleague);

  // The candidate page shows this organisation's applications for the person.
  await colleague.goto("/prescriber/applications?candidate=" + lastName);
  await colleague.getByRole("link", { name: candidateName, exact: true }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: candidateName })).toBeVisible();
  const candidatePath = new URL(colleague.url()).pathname;
  await expect(colleague.getByText("Candidature déclinée")).toBeVisible();
  await expectNoA11yViolations(colleague);

  // ——— Another prescriber organisation sees it nowhere ———
  const other = await (await browser.newContext()).newPage();
  await signIn(other, users.ML.email);
  await other.goto(`/prescriber/applications?candidate=${lastName}`);
  await expect(other.getByText("Aucune candidature ne correspond à ces filtres.")).toBeVisible();
  for (const path of [applicationPath, candidatePath]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByText(lastName)).toHaveCount(0);
  }
});

test("a candidate's page names the jobs each application was sent for", async ({ page }) => {
  const cast = await buildCast();
  const NOAH = await buildCandidate({ firstName: "Noah", lastName: "Postes" });
  const job = await buildJob(cast.organizations.EI, { title: "Chauffeur-livreur" });
  await buildApplication({ candidate: NOAH, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW", jobIds: [job.id] });
  await buildApplication({ candidate: NOAH, sender: cast.users.P1, employer: cast.organizations.ACI, status: "NEW" });
  await signIn(page, cast.users.P1.email);
  await page.goto(`/prescriber/candidates/${NOAH.id}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: cast.organizations.EI.name })).toContainText(job.title);
  await expect(rows.filter({ hasText: cast.organizations.ACI.name })).toContainText("Candidature spontanée");
});

test("sending again for someone already followed: two people of the same name are told apart by their address", async ({ page }) => {
  const cast = await buildCast();
  const lastName = `Homonyme${Date.now()}`;
  const people = [await buildCandidate({ firstName: "Élodie", lastName }), await buildCandidate({ firstName: "Élodie", lastName })];
  for (const candidate of people)
    await buildApplication({ candidate, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW" });
  await signIn(page, cast.users.P1.email);
  await page.goto("/prescriber/applications/new");
  await page.getByRole("radio", { name: "Candidat déjà accompagné par votre organisation" }).check({ force: true });
  await page.getByLabel("Rechercher un candidat").fill(lastName);
  const found = page.getByRole("group", { name: "Candidats trouvés" });
  await expect(found.getByRole("radio")).toHaveCount(2);
  for (const person of people) await expect(found.getByText(person.email!)).toBeVisible();
  await expectNoA11yViolations(page);
});
