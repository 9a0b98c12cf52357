/**
 * Issue 12: past FILTER_SELECT_MAX_CHOICES partners, a list's organisation filter is a search field
 * (the page no longer carries every partner). An employer that received applications from 31
 * prescriber organisations, and a prescriber organisation that applied to 31 employers, each built
 * here (e2e/builders.ts), pick one by keyboard or mouse; the URL carries its id as before.
 */
import type { Page } from "@playwright/test";
import { FILTER_SELECT_MAX_CHOICES } from "../lib/applications/filter-choice-validation";
import { buildApplication, buildCandidate, buildMember, buildOrganization, type BuiltOrganization } from "./builders";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";
import { expectSoundLayout, PHONE, screenshotPath } from "./layout";

const MORE_THAN_A_SELECT = FILTER_SELECT_MAX_CHOICES + 1;
/** The list's link to a candidate (or their application), by the candidate's name. */
const row = (page: Page, name: string) => page.getByRole("table").getByRole("link", { name, exact: true });

test("an employer with many prescriber organisations finds one by keyboard and filters on it", async ({ page, browser }) => {
  const employer = await buildOrganization("EI", { name: "Recyclerie des Filtres" });
  const admin = await buildMember(employer, { role: "ADMIN" });
  const target = await buildOrganization("ML", { name: "Mission locale de Tourcoing" });
  const zelie = await buildCandidate({ firstName: "Zélie", lastName: "Bérard" });
  await buildApplication({ candidate: zelie, sender: await buildMember(target), employer });
  const others: BuiltOrganization[] = [];
  const armand = await buildCandidate({ firstName: "Armand", lastName: "Duvalier" });
  for (let i = 1; i < MORE_THAN_A_SELECT; i++) {
    const organization = await buildOrganization("FT", { name: `France Travail agence ${i}` });
    await buildApplication({ candidate: armand, sender: await buildMember(organization), employer });
    others.push(organization);
  }

  await signIn(page, admin.email);
  // The server sends no list of partners: the filter's first paint holds "all" and the current choice only.
  const html = await (await page.request.get(`/employer/applications?prescriberOrganization=${others[0]!.id}`)).text();
  const firstPaint = html.match(/<select[^>]*name="prescriberOrganization"[^>]*>(.*?)<\/select>/s)?.[1] ?? "";
  expect([...firstPaint.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((option) => option[1])).toEqual([
    "Toutes les organisations",
    others[0]!.name,
  ]);
  expect(html).not.toContain(target.name);

  await page.goto("/employer/applications");
  const field = page.getByRole("combobox", { name: "Organisation du prescripteur" });
  // Hydrated: the select of the first paint became the search field.
  await expect(field).toHaveAttribute("aria-autocomplete", "list");
  await expect(field).toHaveValue("Toutes les organisations");
  await field.focus();
  await page.keyboard.type("Tourcoing");
  await expect(page.getByRole("status").filter({ hasText: /^1 résultat\./ })).toBeVisible();
  await expect(field).toHaveAttribute("aria-expanded", "true");
  await expectNoA11yViolations(page);

  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("option", { name: target.name })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(field).toHaveValue(target.name);
  await expect(field).toHaveAttribute("aria-expanded", "false");
  // Enter again submits the filters, like in any other field of the form.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]prescriberOrganization=${target.id}(&|$)`));
  await expect(row(page, zelie.name)).toBeVisible();
  await expect(row(page, armand.name)).toHaveCount(0);
  // The server names the current choice.
  await expect(page.getByRole("combobox", { name: "Organisation du prescripteur" })).toHaveValue(target.name);
  await expectNoA11yViolations(page);

  // "Effacer les filtres" (a link, no reload) empties the field too.
  await page.getByRole("form", { name: "Filtrer les candidatures" }).getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/employer\/applications$/);
  await expect(field).toHaveValue("Toutes les organisations");

  // Emptying the field by hand brings every organisation back as well.
  await page.goto(`/employer/applications?prescriberOrganization=${target.id}`);
  await expect(field).toHaveValue(target.name);
  await field.focus();
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]prescriberOrganization=(&|$)/);
  await expect(row(page, armand.name).first()).toBeVisible();

  // Without JavaScript the current choice stays, and "all" can be chosen.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`/employer/applications?prescriberOrganization=${target.id}`);
  const select = plain.getByLabel("Organisation du prescripteur");
  await expect(select).toHaveValue(target.id);
  await expect(select.locator("option")).toHaveText(["Toutes les organisations", target.name]);
  await select.selectOption({ label: "Toutes les organisations" });
  await plain.getByRole("button", { name: "Filtrer" }).click();
  await expect(row(plain, armand.name).first()).toBeVisible();
  expect(new URL(plain.url()).searchParams.get("prescriberOrganization") ?? "").toBe("");
  await noScript.close();
});

test("a prescriber organisation that applied to many employers picks one with the mouse", async ({ page }) => {
  const prescriber = await buildOrganization("CAP_EMPLOI");
  const adviser = await buildMember(prescriber);
  const target = await buildOrganization("ACI", { name: "Jardins de Wattrelos", city: "Wattrelos" });
  const chloe = await buildCandidate({ firstName: "Chloé", lastName: "Vandamme" });
  await buildApplication({ candidate: chloe, sender: adviser, employer: target });
  const basile = await buildCandidate({ firstName: "Basile", lastName: "Lemaire" });
  for (let i = 1; i < MORE_THAN_A_SELECT; i++) {
    await buildApplication({ candidate: basile, sender: adviser, employer: await buildOrganization("EI", { name: `Entreprise ${i}` }) });
  }

  await signIn(page, adviser.email);
  await page.goto("/prescriber/applications");
  const field = page.getByRole("combobox", { name: "Employeur" });
  await expect(field).toHaveAttribute("aria-autocomplete", "list");
  await field.fill("watt");
  const option = page.getByRole("option", { name: `${target.name} (Wattrelos)` });
  await expect(option).toBeVisible();
  // The open list fits a phone's width, over the fields below.
  await page.setViewportSize(PHONE);
  await expectSoundLayout(page);
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("filter-choice-search-390") });
  await option.click();
  await expect(field).toHaveValue(`${target.name} (Wattrelos)`);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]employer=${target.id}(&|$)`));
  await expect(row(page, chloe.name)).toBeVisible();
  await expect(row(page, basile.name)).toHaveCount(0);
  await expectNoA11yViolations(page);
});
