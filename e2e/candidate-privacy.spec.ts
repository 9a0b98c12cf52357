import { buildApplication, buildCandidate, buildCast } from "./builders";
import { expect, signIn, test } from "./fixtures";

// Issue 8, item 7: the Mission locale types the e-mail of a person France Travail already applied
// for. With other names it is asked to check the address and told nothing else; with the same
// names (spelled its own way) the application goes through, and every page shows the Mission
// locale's own record, never France Travail's. The demo's cast and Paul Chevalier are built
// afresh for this test (e2e/builders.ts), as the demo has them.

// getByText with a string ignores case: France Travail's spelling is matched exactly instead.
const FT_PHONE = "06 12 34 15 45";
const FT_NAME = /Paul Chevalier/;

test("an e-mail already on record: refused under other names, attached under the same ones, showing only our own record", async ({
  browser,
}) => {
  // Two sends, a list and a candidate page in one story: more steps than the default budget.
  test.slow();
  const { organizations, users } = await buildCast();
  const EMPLOYER = organizations.ACI;
  // France Travail's record of Paul, with his phone: an application to the EI, hire cancelled.
  const paul = await buildCandidate({ firstName: "Paul", lastName: "Chevalier" });
  await buildApplication({
    candidate: paul,
    sender: users.P1,
    employer: organizations.EI,
    status: "CANCELLED",
    handler: users.E1,
    daysAgo: 30,
    profile: { firstName: "Paul", lastName: "Chevalier", phone: FT_PHONE, birthDate: new Date(Date.UTC(1975, 3, 16)) },
  });
  const PAUL = { email: paul.email!, ftPhone: FT_PHONE, ftName: FT_NAME };

  const page = await (await browser.newContext()).newPage();
  await signIn(page, users.ML.email);
  await page.goto("/prescriber/applications/new");
  await expect(page.getByRole("heading", { level: 1, name: "Envoyer une candidature" })).toBeVisible();

  await page.getByLabel("Prénom").fill("Pierre");
  await page.getByLabel("Nom", { exact: true }).fill("Chevalier");
  await page.getByLabel(/Adresse e-mail/).fill(PAUL.email);
  await page.getByLabel(/Téléphone/).fill("07 55 55 55 55");
  // Its full name: every worker's cast has Jardins of its own.
  await page.getByLabel("Rechercher un employeur").fill(EMPLOYER.name);
  await page.getByRole("radio", { name: new RegExp(`${EMPLOYER.name} — `) }).check({ force: true });
  await page.getByLabel("Message à l'employeur").fill("Bonjour, Paul est motivé et disponible dès la semaine prochaine.");
  await page.getByRole("button", { name: "Envoyer la candidature" }).click();

  // Asked to check the address, with nothing about whose it is.
  await expect(page.getByText("Cette adresse e-mail ne correspond pas au prénom et au nom saisis.", { exact: false })).toBeVisible();
  await expect(page.getByText(PAUL.ftName)).toHaveCount(0);
  await expect(page.getByText(organizations.FT.name)).toHaveCount(0);

  // The same person, typed our own way (case and accents aside): attached, and shown as we typed.
  await page.getByLabel("Prénom").fill("paul");
  await page.getByLabel("Nom", { exact: true }).fill("CHEVALIER");
  await page.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Candidature envoyée" })).toBeVisible();
  await expect(page.getByText("paul CHEVALIER").first()).toBeVisible();
  await expect(page.getByText(PAUL.ftName)).toHaveCount(0);

  await page.goto(`/prescriber/applications?candidate=chevalier`);
  await page.getByRole("link", { name: "paul CHEVALIER", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "paul CHEVALIER" })).toBeVisible();
  await expect(page.getByText("07 55 55 55 55")).toBeVisible();
  await expect(page.getByText(PAUL.ftPhone)).toHaveCount(0);
  // France Travail's application to La Recyclerie is not ours: not listed.
  await expect(page.getByText(organizations.EI.name)).toHaveCount(0);
});
