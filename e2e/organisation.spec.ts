import { buildApplication, buildCandidate, buildCast } from "./builders";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// After a refusal « Autre », the prescriber is told to contact the employer (DESIGN §4): the
// employer's admin gives those details on « Mon organisation »; a member only reads them.

test("an employer's admin gives its contact details, which the prescriber finds after a refusal «\u00a0Autre\u00a0»", async ({
  browser,
}) => {
  // Three people sign in and act in turn: on a loaded 2-core machine that took more than the
  // default two minutes (CI, session 19), with nothing wrong.
  test.slow();
  const cast = await buildCast();
  const { EI } = cast.organizations;
  const { P1, E1, E2 } = cast.users;
  const candidate = await buildCandidate({ firstName: "Lina", lastName: `Contact${Date.now()}` });
  const refused = await buildApplication({ candidate, sender: P1, employer: EI, status: "REFUSED", handler: E1, refusalReason: "OTHER" });
  const address = `recrutement.${Date.now()}@recyclerie.e2e.test`;
  const open = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email);
    return page;
  };

  const prescriber = await open(P1.email);
  await prescriber.goto(refused.path);
  // The call-out under its heading, with the details the employer had (the builder's).
  const contact = prescriber.getByRole("heading", { name: "Contactez l'employeur pour en savoir plus" }).locator("..");
  await expect(contact.getByRole("link", { name: EI.contactEmail! })).toBeVisible();

  const admin = await open(E1.email);
  await admin.goto("/organisation");
  const section = admin.getByRole("region", { name: "Coordonnées de l'organisation" });
  await expect(section.getByLabel("Adresse e-mail de contact (facultatif)")).toHaveValue(EI.contactEmail!);
  await section.getByLabel("Adresse e-mail de contact (facultatif)").fill("recrutement");
  await section.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(section.getByText("Saisissez une adresse e-mail valide", { exact: false })).toBeVisible();
  await section.getByLabel("Adresse e-mail de contact (facultatif)").fill(address);
  await section.getByLabel("Téléphone de contact (facultatif)").fill("03 20 00 00 01");
  await section.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(section.getByText("Les coordonnées de l'organisation sont enregistrées.")).toBeVisible();
  await expectNoA11yViolations(admin);

  await prescriber.reload();
  await expect(contact.getByRole("link", { name: address })).toHaveAttribute("href", `mailto:${address}`);
  await expect(contact.getByRole("link", { name: "03 20 00 00 01" })).toHaveAttribute("href", "tel:0320000001");
  await expect(contact.getByRole("link", { name: EI.contactEmail! })).toHaveCount(0);

  // A member reads them, with no form.
  const member = await open(E2.email);
  await member.goto("/organisation");
  const readOnly = member.getByRole("region", { name: "Coordonnées de l'organisation" });
  await expect(readOnly).toContainText(`E-mail\u00a0: ${address}`);
  await expect(readOnly.getByRole("button", { name: "Enregistrer les coordonnées" })).toHaveCount(0);
  await expectNoA11yViolations(member);
});
