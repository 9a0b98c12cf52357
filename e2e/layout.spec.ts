import type { Browser, Locator, Page } from "@playwright/test";
import { expect, linksIn, signIn, test, waitForMail } from "./fixtures";
import { DESKTOP, PHONE, SMALL_PHONE, expectSoundLayout, reviewScreen } from "./layout";
import { createLayoutData, setSendingPaused, type LayoutData } from "./layout-data";
import { STATUS_LABELS } from "../lib/status";

// Issue 15: every screen at 390 px and 1280 px (e2e/layout.ts: nothing under the footer, no cut
// label, no sideways scroll; axe; a screenshot of each under test-results/screens/).
// A new screen gets its reviewScreen() call here. The data is the spec's own (e2e/layout-data.ts),
// built once per worker: its tests may run in any order, on any worker.

let data: LayoutData;
test.beforeAll(async () => {
  data = await createLayoutData();
});

// Each test walks several screens, twice; `npm run dev` compiles each route on its first visit;
// under two workers on a busy 2-core machine two of them ran past five minutes.
test.describe.configure({ timeout: 480_000 });

/** A status badge's text, exactly: a row shows it in its Statut column, and under the name where that is out of view. */
const STATUS_TEXT = new RegExp(`^(${Object.values(STATUS_LABELS).join("|")})$`);

/** Each side's list of applications, with who reads it (the spec's data exists once beforeAll has run). */
function bothLists(): { email: string; path: string }[] {
  return [
    { email: data.employer.email, path: "/employer/applications" },
    { email: data.prescriber.email, path: "/prescriber/applications" },
  ];
}

/** Down the page to a list's row, the table not scrolled sideways. */
async function scrollDownTo(row: Locator): Promise<void> {
  await row.evaluate((tr) => window.scrollTo(0, tr.getBoundingClientRect().top + window.scrollY - 200));
}

/** Two fields side by side on a desktop: their labels and their inputs start at the same height. */
async function expectSideBySide(page: Page, labels: [string, string]): Promise<void> {
  await page.setViewportSize(DESKTOP);
  const tops = await Promise.all(
    labels.map(async (label) => {
      const input = page.getByLabel(label);
      const labelBox = await page.locator(`label[for="${await input.getAttribute("id")}"]`).boundingBox();
      return [Math.round(labelBox!.y), Math.round((await input.boundingBox())!.y)];
    }),
  );
  expect(tops[0], `${labels.join(" and ")} line up`).toEqual(tops[1]);
}

/** Each page in turn, reviewed once its heading is in. */
async function reviewPages(page: Page, pages: readonly (readonly [path: string, name: string])[]): Promise<void> {
  for (const [path, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await reviewScreen(page, name);
  }
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signIn(page, email);
  return page;
}

test("signed out: home, sign-in, link sent, help, 404, an unknown status link", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Suivi des candidatures" })).toBeVisible();
  await reviewScreen(page, "accueil");

  await page.goto("/connexion");
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  await reviewScreen(page, "connexion");
  await page.getByLabel("Adresse e-mail").fill("personne.inconnue@demo.test");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  // The answer waits for the sign-in e-mail to be written: slow on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" })).toBeVisible({ timeout: 30_000 });
  await reviewScreen(page, "connexion-lien-envoye");

  await reviewPages(page, [
    ["/help", "aide"],
    ["/mentions-legales", "mentions-legales"],
    ["/donnees-personnelles", "donnees-personnelles"],
    ["/accessibilite", "accessibilite"],
  ]);

  await page.goto("/cette-page-n-existe-pas");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await reviewScreen(page, "page-introuvable");

  await page.goto(`/c/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien de suivi n'est plus valable" })).toBeVisible();
  await reviewScreen(page, "suivi-candidat-lien-invalide", [SMALL_PHONE, PHONE, DESKTOP]);
});

test("the candidate's status page: long names, long messages, several applications, from 320 px", async ({ browser }) => {
  // A decision e-mails the candidate their personal link, as in real life.
  const employer = await signedIn(browser, data.employer.email);
  await employer.goto(`/applications/${data.candidate.pendingApplicationId}`);
  const since = new Date(Date.now() - 1000);
  await employer.getByRole("button", { name: "Embaucher plus tard" }).click();
  await employer
    .getByLabel("Message au candidat")
    .fill(
      "Bonjour Madame, votre profil nous intéresse beaucoup mais aucun poste ne se libère avant la fin du trimestre.\n\n" +
        "Nous reviendrons vers vous dès l'ouverture des recrutements de septembre, par téléphone ou par e-mail, " +
        "pour convenir d'un entretien dans nos locaux de Villeneuve-d'Ascq.",
    );
  await employer.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(employer.getByRole("status").filter({ hasText: "Embauche pour plus tard" })).toBeVisible();
  const mail = await waitForMail(employer.request, { to: data.candidate.email, template: "application_postponed", since });
  const link = linksIn(mail.text).find((url) => /\/c\/[A-Za-z0-9_-]+$/.test(url));
  expect(link, "the candidate's e-mail carries their status link").toBeTruthy();

  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Suivi de mes candidatures" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: /Association intermédiaire|Entreprise de travail temporaire|Groupement d'employeurs/ }),
  ).toHaveCount(3);
  await reviewScreen(page, "suivi-candidat", [SMALL_PHONE, PHONE, DESKTOP]);
});

test("employer: dashboard, received list and its pages", async ({ browser }) => {
  const page = await signedIn(browser, data.employer.email);
  await reviewScreen(page, "employeur-tableau-de-bord");

  await page.goto("/employer/applications");
  await expect(page.getByRole("heading", { level: 2, name: "Filtrer les candidatures" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Page suivante" })).toBeVisible();
  await reviewScreen(page, "employeur-candidatures");
  // Two rows ticked: the batch bar, then its refusal form open (nothing is submitted).
  const checkboxes = page.getByTestId("employer-applications-table").getByRole("checkbox");
  await checkboxes.nth(1).check();
  await checkboxes.nth(2).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 candidatures sélectionnées");
  await reviewScreen(page, "employeur-candidatures-selection");
  await page.getByTestId("batch-bar").getByRole("button", { name: "Décliner", exact: true }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Décliner les 2 candidatures" })).toBeVisible();
  await reviewScreen(page, "employeur-candidatures-lot-decliner");
  await page.getByRole("link", { name: "Page suivante" }).click();
  await expect(page.getByRole("link", { name: "Page précédente" })).toBeVisible();
  await reviewScreen(page, "employeur-candidatures-page-2");
});

test("employer: fiches de poste, the creation form with its errors, the edit form", async ({ browser }) => {
  const page = await signedIn(browser, data.employer.email);
  await page.goto("/employer/jobs");
  await expect(page.getByRole("table", { name: "Fiches de poste" }).getByText("Recrutement fermé")).toBeVisible();
  await expect(page.getByRole("region", { name: "Historique des modifications" })).toContainText("a modifié la fiche");
  await reviewScreen(page, "fiches-de-poste");
  // On a phone, each job's state and its button are in view without scrolling the table sideways.
  await page.setViewportSize(PHONE);
  const firstJob = page.getByRole("table", { name: "Fiches de poste" }).getByRole("row").nth(1);
  // Down the page to the row, not sideways inside the table.
  await firstJob.evaluate((row) => window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 100));
  await expect(firstJob.getByRole("button", { name: /le recrutement\s: / })).toBeInViewport({ ratio: 1 });
  await page.goto("/employer/jobs/new");
  await page.getByRole("button", { name: "Créer la fiche de poste" }).click();
  await expect(page.getByText("Saisissez l'intitulé du poste.")).toBeVisible();
  await expectSideBySide(page, ["Ville", "Département"]);
  await reviewScreen(page, "fiche-de-poste-creation-erreurs");
  await page.goto(`/employer/jobs/${data.jobs.toEdit}`);
  await expect(page.getByRole("heading", { level: 1, name: "Modifier la fiche de poste" })).toBeVisible();
  await reviewScreen(page, "fiche-de-poste-modification");
});

test("employer: an archived application, and the «\u00a0Archivées\u00a0» view of the list", async ({ browser }) => {
  const page = await signedIn(browser, data.employer.email);
  await page.goto(`/applications/${data.applications.archived}`);
  await expect(page.getByRole("button", { name: "Désarchiver" })).toBeVisible();
  await reviewScreen(page, "candidature-archivee");
  await page.goto("/employer/applications?archive=archived");
  await expect(page.getByRole("link", { name: "Archivées" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("archived-badge")).toHaveCount(1);
  await reviewScreen(page, "employeur-candidatures-archivees");
});

test("employer: the application with each decision form open, then the settings", async ({ browser }) => {
  const page = await signedIn(browser, data.employer.email);
  await page.goto(`/applications/${data.applications.toDecide}`);
  await expect(page.getByRole("heading", { level: 2, name: "Décision" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Commentaires internes" })).toBeVisible();
  await expect(page.getByTestId("internal-notes")).toContainText("compte-rendu-entretien-telephonique.pdf");
  await expect(page.getByTestId("auto-refusal-notice")).toBeVisible();
  await reviewScreen(page, "candidature-employeur");
  for (const [button, name] of [
    ["Embaucher plus tard", "plus-tard"],
    ["Accepter", "accepter"],
    ["Décliner", "decliner"],
  ] as const) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect(page.getByRole("heading", { level: 3, name: button })).toBeVisible();
    await reviewScreen(page, `candidature-formulaire-${name}`);
  }
  // The refusal form with its errors.
  await page.getByRole("button", { name: "Confirmer le refus" }).click();
  await expect(page.getByText("Choisissez le motif du refus.")).toBeVisible();
  await reviewScreen(page, "candidature-formulaire-decliner-erreurs");

  await page.goto(`/applications/${data.applications.hired}`);
  await page.getByRole("button", { name: "Annuler l'embauche" }).click();
  await expect(page.getByRole("button", { name: "Confirmer l'annulation" })).toBeVisible();
  await reviewScreen(page, "candidature-formulaire-annuler");

  await reviewPages(page, [
    ["/settings/notifications", "mes-notifications"],
    ["/settings/emails", "e-mails-non-remis"],
    ["/organisation", "organisation"],
  ]);

  // « Membres de l'organisation »: the admin's buttons in each row, then a removal to confirm.
  await page.goto("/organisation/membres");
  const colleagueRow = page.getByRole("row", { name: new RegExp(data.employer.colleague) });
  await expect(colleagueRow.getByRole("button", { name: /^Nommer administrateur/ })).toBeVisible();
  await reviewScreen(page, "membres");
  await colleagueRow.getByRole("button", { name: /^Retirer de l'organisation/ }).click();
  await expect(page.getByRole("button", { name: "Confirmer le retrait" })).toBeFocused();
  await reviewScreen(page, "membres-retrait");

  // An e-mail the provider refused: said in French, its own words beside.
  await page.goto("/settings/emails");
  await expect(
    page.getByText("Le service d'envoi a refusé cet e-mail\u00a0: l'adresse du destinataire est sans doute invalide."),
  ).toBeVisible();
  await expect(page.getByText("422 validation_error:", { exact: false })).toBeVisible();

  // Sending paused by a configuration error: the admins' banner.
  await setSendingPaused(true);
  try {
    await page.goto("/settings/emails");
    await expect(page.getByText("L'envoi des e-mails est suspendu")).toBeVisible();
    await reviewScreen(page, "e-mails-non-remis-envoi-suspendu");
  } finally {
    await setSendingPaused(false);
  }
});

test("prescriber: dashboard, sent list and its pages", async ({ browser }) => {
  const page = await signedIn(browser, data.prescriber.email);
  await reviewScreen(page, "prescripteur-tableau-de-bord");

  await page.goto("/prescriber/applications");
  await expect(page.getByRole("heading", { level: 2, name: "Filtrer les candidatures" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Page suivante" })).toBeVisible();
  await reviewScreen(page, "prescripteur-candidatures");
  await page.getByRole("link", { name: "Page suivante" }).click();
  await expect(page.getByRole("link", { name: "Page précédente" })).toBeVisible();
  await reviewScreen(page, "prescripteur-candidatures-page-2");
});

test("statistics of both sides: charts, their tables, a year of data", async ({ browser }) => {
  for (const [side, email] of [
    ["prescripteur", data.prescriber.email],
    ["employeur", data.employer.email],
  ] as const) {
    const page = await signedIn(browser, email);
    await page.goto("/stats");
    await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
    await expect(page.getByRole("img", { name: /par mois et par statut/ })).toBeVisible();
    await reviewScreen(page, `statistiques-${side}`);
    // On a desktop, the month table shows every status and the total without scrolling sideways.
    await page.setViewportSize({ width: 1280, height: 800 });
    const months = page.getByRole("region", { name: /par mois et par statut, / });
    expect(await months.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  }
});

test("tables stay inside a phone's width before the DSFR's scripts have run", async ({ browser }) => {
  const screens = [
    { email: data.prescriber.email, paths: ["/prescriber/applications", `/prescriber/candidates/${data.candidate.id}`] },
    { email: data.employer.email, paths: ["/employer/applications"] },
  ];
  for (const { email, paths } of screens) {
    const signedInPage = await signedIn(browser, email);
    const context = await browser.newContext({ viewport: PHONE, storageState: await signedInPage.context().storageState() });
    const page = await context.newPage();
    // What a slow phone (or `npm run dev`) shows until the DSFR's script marks its tables: no script.
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("table").first()).toBeVisible();
      await expectSoundLayout(page);
    }
    await context.close();
    await signedInPage.context().close();
  }
});

// The UX audit on a phone: where each row stands, and the batch actions, without hunting for them.
test("on a phone, each row of both lists shows its status without scrolling the table sideways", async ({ browser }) => {
  for (const { email, path } of bothLists()) {
    const page = await signedIn(browser, email);
    await page.setViewportSize(PHONE);
    await page.goto(path);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(21);
    for (const index of [1, 10, 20]) {
      // Down the page to the row (the table is not scrolled sideways): its status is in view.
      await scrollDownTo(rows.nth(index));
      await expect(rows.nth(index).getByText(STATUS_TEXT).first()).toBeInViewport({ ratio: 1 });
    }
    // The Statut column keeps its header, for wide screens and assistive tech.
    await expect(page.getByRole("columnheader", { name: "Statut" })).toBeAttached();
    await page.context().close();
  }
});

test("from a tablet to a small laptop: the header's logo is whole, and a status shows twice only when its column is out of view", async ({
  browser,
}) => {
  for (const { email, path } of bothLists()) {
    const page = await signedIn(browser, email);
    for (const width of [768, 900, 1024, 1180]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expectSoundLayout(page);
      // The DSFR clips the Marianne block rather than let it push the quick-access links.
      const clipped = await page.locator(".fr-header__logo").evaluate((logo) => {
        const shown = logo.parentElement!.getBoundingClientRect();
        return logo.getBoundingClientRect().right - shown.right;
      });
      expect(clipped, `logo clipped at ${width} px`).toBeLessThanOrEqual(0);
      const header = page.getByRole("columnheader", { name: "Statut" });
      const columnInView = await header.evaluate((th) => th.getBoundingClientRect().right <= document.documentElement.clientWidth);
      const row = page.getByRole("table").getByRole("row").nth(1);
      // Once in the Statut column when it is in view; also under the name, in view, when it is not.
      await expect(row.getByText(STATUS_TEXT).filter({ visible: true })).toHaveCount(columnInView ? 1 : 2);
      if (!columnInView) {
        await scrollDownTo(row);
        await expect(row.getByText(STATUS_TEXT).first()).toBeInViewport({ ratio: 1 });
      }
      if (path.startsWith("/prescriber") && width >= 900) expect(columnInView, `Statut in view at ${width} px`).toBe(true);
    }
    await page.context().close();
  }
});

test("on a phone, the batch bar stays in view while rows are selected, and covers no row for good", async ({ browser }) => {
  const page = await signedIn(browser, data.employer.email);
  await page.setViewportSize(PHONE);
  await page.goto("/employer/applications");
  const checkboxes = page.getByTestId("employer-applications-table").getByRole("checkbox");
  const bar = page.getByTestId("batch-bar");
  await expect(page.getByTestId("selected-count")).toHaveText("Aucune candidature sélectionnée");
  // A row low in the list: the bar and its actions are on screen, not at the list's other end.
  await checkboxes.nth(18).check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 candidature sélectionnée");
  await expect(bar).toBeInViewport({ ratio: 1 });
  await expect(bar.getByRole("button").first()).toBeInViewport({ ratio: 1 });
  // Up to the first rows: still there.
  await checkboxes.nth(1).check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 candidatures sélectionnées");
  await expect(bar).toBeInViewport({ ratio: 1 });

  // Down the list by keyboard: no focused checkbox or link is left behind the bar.
  const focusClearOfBar = () =>
    page.evaluate(() => {
      const focused = document.activeElement!.getBoundingClientRect();
      const bar = document.querySelector("[data-testid=batch-bar]")!.getBoundingClientRect();
      return focused.bottom <= bar.top + 1 || focused.top >= bar.bottom - 1;
    });
  await checkboxes.nth(1).focus();
  for (let press = 0; press < 20; press++) {
    await page.keyboard.press("Tab");
    expect(await focusClearOfBar(), `focus after ${press + 1} Tab`).toBe(true);
  }
  // At the list's end the bar sits after the last row, which it covers not; Tab goes from the rows to it.
  const lastRow = page.getByRole("table").getByRole("row").last();
  await lastRow.getByRole("link").focus();
  await page.keyboard.press("Tab");
  await expect(bar.getByRole("button").first()).toBeFocused();
  await page.getByRole("navigation", { name: "Pages de résultats" }).evaluate((nav) => nav.scrollIntoView({ block: "end" }));
  await expect(lastRow.getByRole("checkbox")).toBeInViewport({ ratio: 1 });
  expect(
    await lastRow.getByRole("link").evaluate((link) => {
      const box = link.getBoundingClientRect();
      return link.contains(document.elementFromPoint(box.left + 10, box.top + box.height / 2));
    }),
  ).toBe(true);
  await page.context().close();
});

test("prescriber: an answer, a candidate, the send form with its errors, the confirmation", async ({ browser }) => {
  const page = await signedIn(browser, data.prescriber.email);
  await page.goto(`/applications/${data.candidate.refusedApplicationId}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Candidature de Marie-Antoinette/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Envoyer à un autre employeur" })).toBeVisible();
  await reviewScreen(page, "candidature-prescripteur");
  // Issue 13: the send form prefilled from the declined application, with the employer's long job titles to pick.
  await page.getByRole("link", { name: "Envoyer à un autre employeur" }).click();
  await expect(page.getByText("Vous envoyez à un autre employeur la candidature déclinée par")).toBeVisible();
  // The name's random suffix: other workers have an employer of the same name.
  const suffix = data.employer.organization.name.split(" ").at(-1)!;
  await page.getByLabel("Rechercher un employeur").fill(suffix);
  await page.getByRole("radio", { name: new RegExp(suffix) }).check({ force: true });
  await expect(page.getByRole("checkbox", { name: /Agent polyvalent de tri/ })).toBeVisible();
  await reviewScreen(page, "envoi-autre-employeur-postes");

  await page.goto(`/prescriber/candidates/${data.candidate.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(data.candidate.lastName);
  // The tab names the person, as the heading does.
  await expect(page).toHaveTitle(`${await page.getByRole("heading", { level: 1 }).innerText()} — Suivi des candidatures`);
  await reviewScreen(page, "candidat");

  await page.goto("/prescriber/applications/new");
  await page.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(page.getByText("Écrivez un message à l'employeur.")).toBeVisible();
  await expectSideBySide(page, ["Téléphone (facultatif)", "Date de naissance (facultatif)"]);
  await reviewScreen(page, "envoi-erreurs");

  await page.getByLabel("Prénom").fill("Jean-Baptiste-Emmanuel");
  await page.getByLabel("Nom", { exact: true }).fill("Fitzgerald-Oyelaran de Montmorency-Laval");
  await page.getByLabel("Rechercher un employeur").fill("Groupement d'employeurs");
  // DSFR draws the radio on its label, which receives the click: force skips Playwright's hit check
  // only. Its full name: other workers have a GEIQ of the same name, with another suffix.
  await page.getByRole("radio", { name: data.geiq.name }).check({ force: true });
  await page
    .getByLabel("Message à l'employeur")
    .fill("Bonjour, je vous propose la candidature de Jean-Baptiste, motivé et disponible dès la semaine prochaine.");
  await page.getByRole("button", { name: "Envoyer la candidature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Candidature envoyée" })).toBeVisible();
  await reviewScreen(page, "envoi-confirmation");
});
