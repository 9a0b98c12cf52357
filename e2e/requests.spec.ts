import type { Page, Request } from "@playwright/test";
import { buildApplication, buildCandidate, buildCast, buildJob } from "./builders";
import { expect, signIn, test } from "./fixtures";
import { ofName } from "../lib/french";

// Issue 12: what one person's clicks cost the server. Every page is dynamic and per person, so a
// prefetched link fetches nothing a click reuses: one view of "Candidatures reçues" made 16 such
// requests (the header's menu twice, the counters, the archive views), and all again after each
// decision. Links prefetch only when asked (components/link.tsx), and an action's answer is the
// refreshed page (no router.refresh() after it).

type Made = { method: string; path: string; prefetch: boolean };

/** Records the page's own requests (documents and RSC fetches, not scripts, styles or fonts); each
 * call waits for the page to settle and returns what was asked since the last one. */
function recordRequests(page: Page): () => Promise<Made[]> {
  let requests: Request[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document" || request.resourceType() === "fetch") requests.push(request);
  });
  return async () => {
    await page.waitForLoadState("networkidle");
    // Prefetches start when links come into view, once the page is idle: give them time to show.
    await page.waitForTimeout(1_000);
    const made = requests.map((request) => ({
      method: request.method(),
      path: new URL(request.url()).pathname,
      prefetch: request.headers()["next-router-prefetch"] === "1",
    }));
    requests = [];
    return made;
  };
}

test("a list view, opening an application and a decision ask the server only for what is shown", async ({ page }) => {
  test.slow();
  const cast = await buildCast();
  const alice = await buildCandidate({ firstName: "Alice", lastName: "Moreau" });
  await buildApplication({ candidate: alice, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW" });
  await signIn(page, cast.users.E1.email);

  const settled = recordRequests(page);

  await page.goto("/employer/applications");
  await expect(page.getByRole("heading", { level: 1, name: "Candidatures reçues" })).toBeVisible();
  expect(await settled()).toEqual([{ method: "GET", path: "/employer/applications", prefetch: false }]);

  await page.getByRole("link", { name: alice.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Candidature ${ofName(alice.name)}` })).toBeVisible();
  const opened = await settled();
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatchObject({ method: "GET", prefetch: false });

  await page.getByRole("button", { name: "J'étudie la candidature" }).click();
  await expect(page.getByText("Vous prenez en charge cette candidature.")).toBeVisible();
  // The decision alone: its answer carries the page as it now is, so nothing is fetched again.
  expect(await settled()).toEqual([{ method: "POST", path: opened[0]!.path, prefetch: false }]);
  await expect(page.getByTestId("handler")).toHaveText(`Prise en charge par ${cast.users.E1.name}`);
});

/** Marks the page's window once hydrated: a full reload forgets the mark, a client-side navigation keeps it. */
async function markWindow(page: Page): Promise<() => Promise<boolean>> {
  // Clicked before hydration (a busy CI machine), a plain link reloads the page, as it should: wait
  // for the mark the DSFR's script, started from an effect once hydrated, puts on the page.
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return () => page.evaluate(() => "notReloaded" in window);
}

test("the lists' plain links open their page without a reload, and leave a Ctrl-click to the browser", async ({ page, browser }) => {
  test.slow();
  const cast = await buildCast();
  const alice = await buildCandidate({ firstName: "Alice", lastName: "Moreau" });
  const application = await buildApplication({ candidate: alice, sender: cast.users.P1, employer: cast.organizations.EI, status: "NEW" });

  // "Candidatures reçues": one handler for the table's links (components/anchor-navigation.ts).
  await signIn(page, cast.users.E1.email);
  await page.goto("/employer/applications");
  let stayed = await markWindow(page);
  const name = page.getByTestId("employer-applications-table").getByRole("link", { name: alice.name });
  // A Ctrl-click opens another tab, as on any link; this page stays where it is.
  const [tab] = await Promise.all([page.context().waitForEvent("page", { timeout: 15_000 }), name.click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab).toHaveURL(new RegExp(`/applications/${application.id}$`));
  await tab.close();
  await expect(page).toHaveURL(/\/employer\/applications$/);
  await name.click();
  await expect(page.getByRole("heading", { level: 1, name: `Candidature ${ofName(alice.name)}` })).toBeVisible();
  expect(await stayed()).toBe(true);

  // "Suivi des candidatures": the candidate's name and the status badge.
  const prescriber = await (await browser.newContext()).newPage();
  await signIn(prescriber, cast.users.P1.email);
  await prescriber.goto("/prescriber/applications");
  stayed = await markWindow(prescriber);
  await prescriber.getByRole("link", { name: new RegExp(`^Voir la candidature ${ofName(alice.name)}`) }).click();
  await expect(prescriber.getByRole("heading", { level: 1, name: `Candidature ${ofName(alice.name)}` })).toBeVisible();
  expect(await stayed()).toBe(true);
  await prescriber.goBack();
  await prescriber.getByRole("link", { name: alice.name, exact: true }).click();
  await expect(prescriber.getByRole("heading", { level: 1, name: alice.name })).toBeVisible();
  expect(await stayed()).toBe(true);
  await prescriber.context().close();
});

test("the jobs page: closing a job and the spontaneous switch are one request each, saving a job two", async ({ page }) => {
  test.slow();
  const cast = await buildCast();
  const job = await buildJob(cast.organizations.EI, { title: "Chauffeur-livreur" });
  await signIn(page, cast.users.E1.email);
  await page.goto("/employer/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Fiches de poste" })).toBeVisible();
  const settled = recordRequests(page);
  await settled();
  const post = { method: "POST", path: "/employer/jobs", prefetch: false };

  // Each action's answer carries the page as it now is: nothing is fetched after it.
  await page.getByRole("button", { name: `Fermer le recrutement\u00a0: ${job.title}` }).click();
  const jobs = page.getByRole("table", { name: "Fiches de poste" });
  await expect(jobs.getByRole("row", { name: new RegExp(job.title) })).toContainText("Recrutement fermé");
  expect(await settled()).toEqual([post]);

  await page.getByRole("button", { name: "Fermer les candidatures spontanées" }).click();
  await expect(page.getByRole("heading", { name: "Candidatures spontanées\u00a0: fermées" })).toBeVisible();
  // Said to screen readers too, which do not hear a heading change.
  await expect(page.getByRole("status").filter({ hasText: "Les candidatures spontanées sont fermées." })).toHaveCount(1);
  expect(await settled()).toEqual([post]);

  // Saving a job: the action, then the jobs page it leads to, read once.
  await jobs.getByRole("link", { name: job.title }).click();
  await expect(page.getByRole("button", { name: "Enregistrer les modifications" })).toBeVisible();
  const opened = await settled();
  expect(opened).toHaveLength(1);
  await page.getByLabel("Nombre de postes").fill("3");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fiches de poste" })).toBeVisible();
  expect(await settled()).toEqual([
    { method: "POST", path: opened[0]!.path, prefetch: false },
    { method: "GET", path: "/employer/jobs", prefetch: false },
  ]);
});

test("pages travel compressed by default (HTTP_COMPRESSION=on), for phones on a slow network", async ({ page }) => {
  const cast = await buildCast();
  await signIn(page, cast.users.E1.email);
  const response = await page.request.get("/employer/applications", { headers: { "accept-encoding": "gzip" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-encoding"]).toBe("gzip");
});
