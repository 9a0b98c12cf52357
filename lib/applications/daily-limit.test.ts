import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { sendApplication } from "@/lib/applications/send";
import { createMember, createScenario } from "@/test/fixtures";

const HOUR_MS = 3_600_000;

/** Sets up `count` applications already sent by this prescriber, `ageMs` ago. */
async function alreadySent(s: Awaited<ReturnType<typeof createScenario>>, count: number, ageMs: number) {
  // The organisation's own record of the person, which every application it sends points at.
  await prisma.candidateProfile.upsert({
    where: { candidateId_organizationId: { candidateId: s.candidate.id, organizationId: s.prescriberOrg.id } },
    update: {},
    create: {
      candidateId: s.candidate.id,
      organizationId: s.prescriberOrg.id,
      firstName: s.candidate.firstName,
      lastName: s.candidate.lastName,
    },
  });
  await prisma.jobApplication.createMany({
    data: Array.from({ length: count }, () => ({
      candidateId: s.candidate.id,
      senderUserId: s.prescriber.user.id,
      senderOrganizationId: s.prescriberOrg.id,
      employerOrganizationId: s.employerOrg.id,
      message: "Candidature déjà envoyée plus tôt dans la journée.",
      status: "NEW" as const,
      createdAt: new Date(Date.now() - ageMs),
    })),
  });
}

const send = (s: Awaited<ReturnType<typeof createScenario>>, lastName: string) =>
  sendApplication(
    s.prescriber.ctx,
    {
      spontaneous: true,
      candidateMode: "new",
      firstName: "Léa",
      lastName,
      employerOrganizationId: s.employerOrg.id,
      message: "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.",
    },
    { baseUrl: "http://test.local" },
  );

describe("at most 200 applications per user per 24 hours", () => {
  it("uses the default of 200 unless the environment raises it", () => {
    expect(env.APPLICATIONS_PER_USER_PER_DAY).toBe(200);
  });

  it("lets the 200th through, then refuses the 201st in French and writes nothing", async () => {
    const s = await createScenario();
    await alreadySent(s, 199, HOUR_MS);
    // Older than 24 hours: no longer counted.
    await alreadySent(s, 30, 25 * HOUR_MS);

    const allowed = await send(s, "Deuxcentieme");
    expect(allowed.ok).toBe(true);

    const mine = { senderUserId: s.prescriber.user.id };
    const before = {
      applications: await prisma.jobApplication.count({ where: mine }),
      emails: await prisma.outboxEmail.count({ where: { application: mine } }),
    };
    const refused = await send(s, "Deuxcentunieme");
    expect(refused).toEqual({
      ok: false,
      error:
        "Vous avez envoyé 200 candidatures au cours des dernières 24 heures, le maximum par personne\u00a0: " +
        "vous pourrez en envoyer d'autres demain. Rien n'a été envoyé.",
    });
    expect(await prisma.jobApplication.count({ where: mine })).toBe(before.applications);
    expect(await prisma.outboxEmail.count({ where: { application: mine } })).toBe(before.emails);
    expect(await prisma.candidateProfile.count({ where: { lastName: "Deuxcentunieme" } })).toBe(0);
  });

  it("lets exactly one of five sends racing from the 200th through", async () => {
    const s = await createScenario();
    await alreadySent(s, 199, HOUR_MS);
    const results = await Promise.all(["Un", "Deux", "Trois", "Quatre", "Cinq"].map((name) => send(s, `Course${name}`)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error)).toEqual(
      Array(4).fill(expect.stringMatching(/^Vous avez envoyé 200 candidatures/)),
    );
    expect(await prisma.jobApplication.count({ where: { senderUserId: s.prescriber.user.id } })).toBe(200);
  });

  it("counts per user: a colleague of the same organisation may still send", async () => {
    const s = await createScenario();
    await alreadySent(s, 200, HOUR_MS);
    expect((await send(s, "Limite")).ok).toBe(false);
    const colleague = { ...s, prescriber: await createMember(s.prescriberOrg) };
    expect((await send(colleague, "Collegue")).ok).toBe(true);
  });
});
