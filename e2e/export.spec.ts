import ExcelJS from "exceljs";
import { buildApplication, buildCandidate, buildCast } from "./builders";
import { expect, signIn, test } from "./fixtures";

// Issue 14: an employer downloads "À traiter" as XLSX from "Candidatures reçues"; the file has
// exactly those applications, with dates as dates.

test("an employer downloads the XLSX of «\u00a0À traiter\u00a0» and it holds those applications", async ({ page }) => {
  test.slow();
  const cast = await buildCast();
  const { EI } = cast.organizations;
  const { P1, ML, E1 } = cast.users;
  const pending = [
    await buildCandidate({ firstName: "Inès", lastName: "Export-Nouvelle" }),
    await buildCandidate({ firstName: "Malik", lastName: "Export-Étude" }),
  ];
  const decided = await buildCandidate({ firstName: "Zoé", lastName: "Export-Déclinée" });
  await buildApplication({ candidate: pending[0]!, sender: P1, employer: EI, status: "NEW", daysAgo: 2 });
  await buildApplication({ candidate: pending[1]!, sender: ML, employer: EI, status: "PROCESSING", handler: E1, daysAgo: 3 });
  await buildApplication({ candidate: decided, sender: P1, employer: EI, status: "REFUSED", handler: E1, refusalReason: "NO_POSITION" });

  await signIn(page, E1.email);
  await page.goto("/employer/applications");
  await page.getByTestId("counter-to-process").click();
  await expect(page.getByText("2 candidatures correspondant aux filtres")).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^candidatures-recues-\d{4}-\d{2}-\d{2}\.xlsx$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(3);
  const header = sheet.getRow(1).values as unknown[];
  const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name)).value;
  // Newest first, as on the screen.
  expect([cell(2, "Candidat"), cell(3, "Candidat")]).toEqual(pending.map((candidate) => candidate.name));
  expect([cell(2, "Statut"), cell(3, "Statut")]).toEqual(["Nouvelle candidature", "Candidature à l'étude"]);
  expect(cell(2, "Organisation prescriptrice")).toBe(cast.organizations.FT.name);
  expect(cell(3, "Prise en charge par")).toBe(E1.name);
  expect(cell(2, "Date d'envoi")).toBeInstanceOf(Date);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  // The file came as an attachment: the list stays on screen.
  await expect(page.getByText("2 candidatures correspondant aux filtres")).toBeVisible();

  // The session ends while the list is open: the export leads to the sign-in page, instead of
  // saving that page (or a 404) as the file.
  await page.context().clearCookies();
  let saved = false;
  page.on("download", () => (saved = true));
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  expect(saved).toBe(false);
});
