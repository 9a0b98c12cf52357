/**
 * Issue 10: an employer archives a refused application from its page, finds it under « Archivées »
 * and no longer in the default list, then unarchives it. Its own organisations and people, written
 * straight to the e2e database, so the demo data the other specs count on is untouched.
 */
import { createPrismaClient } from "../prisma/client";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";
import { ofName } from "../lib/french";

const IDS = {
  prescriberOrg: "archive-e2e-org-prescriber",
  employerOrg: "archive-e2e-org-employer",
  candidate: "archive-e2e-cand",
  application: "archive-e2e-app",
} as const;
const EMPLOYER_EMAIL = "archive.employeur@demo.test";
const PRESCRIBER_EMAIL = "archive.prescripteur@demo.test";
const CANDIDATE = { firstName: "Léontine", lastName: "Archivaldi" };
const NAME = `${CANDIDATE.firstName} ${CANDIDATE.lastName}`;

test.beforeAll(async () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.organization.upsert({
          where: { id: IDS.prescriberOrg },
          update: {},
          create: { id: IDS.prescriberOrg, kind: "PRESCRIBER", type: "ML", name: "Mission locale des Archives", siret: "95000000100019" },
        });
        await tx.organization.upsert({
          where: { id: IDS.employerOrg },
          update: {},
          create: {
            id: IDS.employerOrg,
            kind: "EMPLOYER",
            type: "EI",
            name: "Entreprise des Archives",
            siret: "96000000100010",
            city: "Roubaix",
          },
        });
        const userIds: string[] = [];
        for (const [email, organizationId, lastName] of [
          [PRESCRIBER_EMAIL, IDS.prescriberOrg, "Prescrivet"],
          [EMPLOYER_EMAIL, IDS.employerOrg, "Employa"],
        ] as const) {
          const user = await tx.user.upsert({
            where: { email },
            update: {},
            create: { email, firstName: "Camille", lastName, name: `Camille ${lastName}` },
          });
          await tx.membership.upsert({
            where: { userId_organizationId: { userId: user.id, organizationId } },
            update: {},
            create: { userId: user.id, organizationId, role: "ADMIN" },
          });
          userIds.push(user.id);
        }
        await tx.candidate.upsert({
          where: { id: IDS.candidate },
          update: {},
          create: { id: IDS.candidate, email: "leontine.archivaldi@candidat.demo.test" },
        });
        await tx.candidateProfile.upsert({
          where: { candidateId_organizationId: { candidateId: IDS.candidate, organizationId: IDS.prescriberOrg } },
          update: {},
          create: { candidateId: IDS.candidate, organizationId: IDS.prescriberOrg, ...CANDIDATE },
        });
        const refused = {
          status: "REFUSED",
          refusalReason: "NO_POSITION",
          answerToCandidate: "Bonjour, pas de poste pour le moment.",
          handlerId: userIds[1],
          archivedAt: null,
          archivedById: null,
        } as const;
        // A rerun starts from the same state: refused and active.
        await tx.jobApplication.upsert({
          where: { id: IDS.application },
          update: refused,
          create: {
            id: IDS.application,
            candidateId: IDS.candidate,
            senderUserId: userIds[0]!,
            senderOrganizationId: IDS.prescriberOrg,
            employerOrganizationId: IDS.employerOrg,
            message: "Bonjour, je vous propose la candidature de Léontine.",
            ...refused,
          },
        });
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
});

test("an employer archives a refused application, finds it under «\u00a0Archivées\u00a0» only, then unarchives it", async ({ page }) => {
  await signIn(page, EMPLOYER_EMAIL);
  const list = async (view?: "archived" | "all") => {
    await page.goto(`/employer/applications${view ? `?archive=${view}` : ""}`);
    await expect(page.getByRole("heading", { level: 1, name: "Candidatures reçues" })).toBeVisible();
  };

  await list();
  await expect(page.getByRole("link", { name: "Actives" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Candidature ${ofName(NAME)}` })).toBeVisible();

  const archiving = page.getByRole("region", { name: "Archivage" });
  await archiving.getByRole("button", { name: "Archiver", exact: true }).click();
  await expect(archiving.getByRole("status")).toContainText("La candidature est archivée");
  await expect(archiving.getByTestId("archived-on")).toContainText("par Camille Employa");
  await expect(page.getByTestId("archived-badge")).toBeVisible();
  await expectNoA11yViolations(page);

  // Out of the default list and of its counters, under « Archivées », marked under « Toutes ».
  await list();
  await expect(page.getByRole("link", { name: NAME })).toHaveCount(0);
  await expect(page.getByText("Aucune candidature reçue pour le moment")).toBeVisible();
  await page.getByRole("link", { name: "Archivées" }).click();
  await expect(page).toHaveURL(/archive=archived/);
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
  await expect(page.getByRole("link", { name: "Archivées" })).toHaveAttribute("aria-current", "page");
  await expectNoA11yViolations(page);
  await list("all");
  await expect(page.getByRole("row", { name: new RegExp(NAME) }).getByTestId("archived-badge")).toBeVisible();

  // Back to the active list.
  await page.getByRole("link", { name: NAME }).click();
  await archiving.getByRole("button", { name: "Désarchiver" }).click();
  await expect(archiving.getByRole("status")).toContainText("La candidature est désarchivée");
  await expect(page.getByTestId("archived-badge")).toHaveCount(0);
  await list();
  await expect(page.getByRole("link", { name: NAME })).toBeVisible();
  await list("archived");
  await expect(page.getByRole("link", { name: NAME })).toHaveCount(0);
  await expect(page.getByText("Aucune candidature archivée.")).toBeVisible();
});
