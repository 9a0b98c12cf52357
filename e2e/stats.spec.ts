import { buildApplication, buildCandidate, buildCast } from "./builders";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Issue 14: a prescriber opens « Statistiques »: the charts, their data tables, axe clean.

test("a prescriber opens «\u00a0Statistiques\u00a0» and reads the charts and their tables", async ({ page }) => {
  test.slow();
  const cast = await buildCast();
  const { EI, ACI } = cast.organizations;
  const { P1, P2, E1 } = cast.users;
  const names = ["Lina Stats-Un", "Omar Stats-Deux", "Rose Stats-Trois"];
  const [lina, omar, rose] = await Promise.all(
    names.map((name) => buildCandidate({ firstName: name.split(" ")[0]!, lastName: name.split(" ")[1]! })),
  );
  await buildApplication({ candidate: lina!, sender: P1, employer: EI, status: "ACCEPTED", handler: E1, daysAgo: 0 });
  await buildApplication({
    candidate: omar!,
    sender: P1,
    employer: EI,
    status: "REFUSED",
    handler: E1,
    refusalReason: "NOT_MOBILE",
    daysAgo: 0,
  });
  await buildApplication({ candidate: rose!, sender: P2, employer: ACI, status: "NEW", daysAgo: 0 });
  await buildApplication({
    candidate: rose!,
    sender: P2,
    employer: EI,
    status: "REFUSED",
    handler: E1,
    refusalReason: "NOT_MOBILE",
    daysAgo: 0,
  });

  await signIn(page, P1.email);
  await page.getByRole("link", { name: "Statistiques" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
  // The year by default, named mid-sentence in lower case.
  await expect(page.getByText(/d'après leur date d'envoi\s: année \d{4}\./)).toBeVisible();
  // This month, as a period of its own (the applications were all sent today).
  const thisMonth = page.getByLabel("Période");
  const firstMonth = await thisMonth.locator("optgroup[label='Mois'] option").first().getAttribute("value");
  await thisMonth.selectOption(firstMonth!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(new RegExp(`periode=${firstMonth}`));

  await expect(page.getByRole("img", { name: /Candidatures envoyées par mois et par statut.* 4 au total/ })).toBeVisible();
  const months = page.getByRole("table", { name: /Candidatures envoyées par mois et par statut/ });
  const row = months.getByRole("row").nth(1);
  await expect(row.getByRole("rowheader")).toBeVisible();
  await expect(row.getByRole("cell").last()).toHaveText("4");
  await expect(page.getByText("25 %", { exact: true })).toBeVisible();
  // One hire out of four: « 1 acceptée », in the singular.
  await expect(page.getByText("1 acceptée", { exact: true })).toBeVisible();

  const reasons = page.getByRole("table", { name: /Motifs de refus reçus/ });
  await expect(reasons.getByRole("row", { name: /Candidat non mobile/ }).getByRole("cell")).toHaveText("2");

  const advisers = page.getByRole("table", { name: /Candidatures envoyées par conseiller/ });
  await expect(
    advisers
      .getByRole("row", { name: new RegExp(P1.name) })
      .getByRole("cell")
      .first(),
  ).toHaveText("2");
  await expect(
    advisers
      .getByRole("row", { name: new RegExp(P2.name) })
      .getByRole("cell")
      .first(),
  ).toHaveText("2");
  // Figures of the organisation's own members only: no employer's handler.
  await expect(advisers).not.toContainText(E1.name);
  await expectNoA11yViolations(page);
});

// The chart's own abbreviations (components/stats/stacked-bar-chart.tsx), January first.
const SHORT_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

test("on a phone, the monthly chart opens on its latest months, the older ones a scroll away", async ({ browser }) => {
  const { P1 } = (await buildCast()).users;
  const page = await (await browser.newContext({ viewport: { width: 375, height: 667 } })).newPage();
  await signIn(page, P1.email);
  await page.goto("/stats");
  const chart = page.getByRole("region", { name: "Graphique des candidatures par mois" });
  // Down the page to the chart, not sideways inside it.
  await chart.evaluate((box) => window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 100));
  // This year, as the page opens: the chart ends at this month, in view.
  const thisMonth = new Intl.DateTimeFormat("en", { month: "numeric", timeZone: "Europe/Paris" }).format(new Date());
  await expect(chart.getByText(SHORT_MONTHS[Number(thisMonth) - 1]!, { exact: true })).toBeInViewport({ ratio: 1 });

  // A past year, twelve months: December in view, January a few keystrokes to the left.
  const period = page.getByLabel("Période", { exact: true });
  await period.selectOption((await period.locator("optgroup[label='Années'] option").last().getAttribute("value"))!);
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/periode=\d{4}$/);
  await chart.evaluate((box) => window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 100));
  const january = chart.getByText("janv.", { exact: true });
  await expect(chart.getByText("déc.", { exact: true })).toBeInViewport({ ratio: 1 });
  await expect(january).not.toBeInViewport();
  // Its scale is in view there too: the bars have values.
  await expect(chart.getByTestId("chart-scale-right").first()).toBeInViewport({ ratio: 1 });
  await chart.focus();
  for (let press = 0; press < 12; press++) await page.keyboard.press("ArrowLeft");
  await expect(january).toBeInViewport({ ratio: 1 });
  // The table of the figures is still there, month by month.
  await expect(page.getByRole("table", { name: /par mois et par statut/ }).getByRole("row")).toHaveCount(13);
  await page.context().close();
});
