import { buildCast } from "./builders";
import { expect, expectNoA11yViolations, linksIn, signIn, test, waitForMail } from "./fixtures";

// « Membres de l'organisation »: the sign-in page tells someone without access to ask an admin of
// their organisation; this is where the admin does it, and where they take it back.

test("an admin gives a colleague access, who signs in with the e-mailed address, then takes it back", async ({ browser }) => {
  const { organizations, users } = await buildCast();
  const { EI } = organizations;
  const { E1, E2 } = users;
  const newcomer = { firstName: "Inès", lastName: `Faure${Date.now()}`, email: `ines.faure-${Date.now()}@pro.e2e.test` };
  const newcomerName = `${newcomer.firstName} ${newcomer.lastName}`;

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, E1.email);
  await admin.goto("/organisation");
  await admin.getByRole("link", { name: "Gérer les membres" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Membres de l'organisation" })).toBeVisible();
  const table = admin.getByRole("table", { name: "2 membres" });
  await expect(table.getByRole("row", { name: new RegExp(`${E1.name} \\(vous\\).*Administrateur`) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`${E2.name}.*${E2.email}.*Membre`) })).toBeVisible();

  const form = admin.getByRole("form", { name: "Ajouter un membre" });
  await form.getByRole("button", { name: "Ajouter à l'organisation" }).click();
  await expect(form.getByText("Saisissez l'adresse e-mail de la personne.")).toBeVisible();
  await expect(form.getByText("Saisissez le prénom de la personne.")).toBeVisible();

  // Someone already there: said beside the address, and nobody is told anything.
  await form.getByLabel("Adresse e-mail professionnelle").fill(E2.email.toUpperCase());
  await form.getByLabel("Prénom", { exact: true }).fill("Thomas");
  await form.getByLabel("Nom", { exact: true }).fill("Moreau");
  await form.getByRole("button", { name: "Ajouter à l'organisation" }).click();
  await expect(form.getByText("Cette adresse est déjà celle d'un membre de l'organisation.")).toBeVisible();

  await form.getByLabel("Adresse e-mail professionnelle").fill(newcomer.email);
  await form.getByLabel("Prénom", { exact: true }).fill(newcomer.firstName);
  await form.getByLabel("Nom", { exact: true }).fill(newcomer.lastName);
  await form.getByRole("button", { name: "Ajouter à l'organisation" }).click();
  await expect(form.getByRole("status").first()).toContainText(
    `${newcomerName} a maintenant accès à ${EI.name}. Un e-mail lui indique comment se connecter.`,
  );
  await expect(admin.getByRole("table", { name: "3 membres" }).getByRole("row", { name: new RegExp(newcomerName) })).toContainText(
    "Membre",
  );
  await expect(form.getByLabel("Adresse e-mail professionnelle")).toHaveValue("");
  await expectNoA11yViolations(admin);

  // The e-mail names the organisation and the address, and leads to the sign-in page, no token in it.
  const mail = await waitForMail(admin.request, { to: newcomer.email, template: "member_added" });
  expect(mail.subject).toBe(`Votre accès à Suivi des candidatures pour ${EI.name}`);
  expect(mail.text).toContain(`${E1.name} vous a donné accès à Suivi des candidatures pour ${EI.name}.`);
  const [signInPage] = linksIn(mail.text).filter((url) => new URL(url).pathname === "/connexion");
  expect(signInPage, "the e-mail links to the sign-in page").toBeTruthy();

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(signInPage!);
  await expect(colleague.getByRole("button", { name: "Recevoir un lien de connexion" })).toBeVisible();
  await signIn(colleague, newcomer.email);
  await colleague.goto("/employer/applications");
  await expect(colleague.getByRole("heading", { level: 1, name: "Candidatures reçues" })).toBeVisible();

  const row = () => admin.getByRole("row", { name: new RegExp(newcomerName) });
  await row()
    .getByRole("button", { name: `Nommer administrateur\u00a0: ${newcomerName}` })
    .click();
  await expect(admin.getByRole("status").first()).toContainText(`${newcomerName} est maintenant administrateur.`);
  await expect(row()).toContainText("Administrateur");

  // Removing asks first, in the row, and the keyboard lands on the confirmation.
  await row()
    .getByRole("button", { name: `Retirer de l'organisation\u00a0: ${newcomerName}` })
    .click();
  const confirmation = admin.getByRole("group", { name: `Retirer ${newcomerName} de l'organisation` });
  await expect(confirmation.getByRole("button", { name: "Confirmer le retrait" })).toBeFocused();
  await confirmation.getByRole("button", { name: "Annuler" }).click();
  await expect(confirmation).toHaveCount(0);
  await row()
    .getByRole("button", { name: `Retirer de l'organisation\u00a0: ${newcomerName}` })
    .click();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("status").first()).toContainText(`${newcomerName} n'a plus accès à l'organisation.`);
  await expect(row()).toHaveCount(0);
  await expect(admin.getByRole("table", { name: "2 membres" })).toBeVisible();
  await expectNoA11yViolations(admin);

  // Their next page: no organisation any more, and nothing of the employer's.
  await colleague.goto("/employer/applications");
  await expect(colleague).toHaveURL(/\/organisation\?aucune=1$/);
  await expect(colleague.getByText("Votre compte n'est rattaché à aucune organisation active.")).toBeVisible();
});

test("a member sees who belongs to the organisation, without the admins' forms", async ({ page }) => {
  const { users } = await buildCast();
  await signIn(page, users.E2.email);
  await page.goto("/organisation");
  await page.getByRole("link", { name: "Voir les membres" }).click();
  const table = page.getByRole("table", { name: "2 membres" });
  await expect(table.getByRole("row", { name: new RegExp(`${users.E1.name}.*Administrateur`) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`${users.E2.name} \\(vous\\)`) })).toBeVisible();
  await expect(page.getByText("Seuls les administrateurs de l'organisation peuvent ajouter ou retirer des membres.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ajouter un membre" })).toHaveCount(0);
  await expect(table.getByRole("button")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("in an organisation without an admin, a member is told whom to ask", async ({ page }) => {
  const { users } = await buildCast();
  // The cast's France Travail agency has two members and no admin.
  await signIn(page, users.P1.email);
  await page.goto("/organisation/membres");
  await expect(page.getByText("Votre organisation n'a aucun administrateur\u00a0: personne ne peut y ajouter de membre.")).toBeVisible();
  await expect(page.getByRole("link", { name: "assistance@inclusion.beta.gouv.fr" })).toHaveAttribute("href", /^mailto:/);
  await expectNoA11yViolations(page);
});
