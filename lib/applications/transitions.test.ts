import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";
import { acceptApplication, processApplication, takeOverApplication } from "@/lib/applications/transitions";
import { acceptSchema } from "@/lib/applications/decision-validation";
import { APPLICATION_STATUSES, EVENT_NOTIFICATIONS, TRANSITIONS, can, type UserTransitionName } from "@/lib/status";
import { BASE_URL, expectNothingWritten, fire, outboxOf, snapshot } from "@/lib/applications/transitions-test-utils";

const USER_TRANSITIONS: UserTransitionName[] = ["process", "postpone", "accept", "refuse", "cancel"];

let scenario: Awaited<ReturnType<typeof createScenario>>;
beforeAll(async () => {
  scenario = await createScenario();
});

async function applicationIn(status: (typeof APPLICATION_STATUSES)[number]) {
  // A fresh candidate each time, so that an accept has no other application to cascade to.
  const candidate = await createCandidate();
  const application = await createApplication({
    candidateId: candidate.id,
    sender: scenario.prescriber.ctx,
    employerOrganizationId: scenario.employerOrg.id,
    status,
  });
  return { candidate, application };
}

describe.each(USER_TRANSITIONS)("%s, from every status", (transition) => {
  it.each(APPLICATION_STATUSES)(`from %s: allowed by lib/status.ts or nothing written`, async (from) => {
    const { candidate, application } = await applicationIn(from);
    const before = await snapshot([application.id]);
    const result = await fire(transition, scenario.employer.ctx, application.id, from);

    if (!can(transition, from, "employer")) {
      expect(result).toEqual({ error: "not_allowed", status: from });
      await expectNothingWritten([application.id], before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.status).toBe(TRANSITIONS[transition].to);
    // Whoever decides first becomes the handler ("Prise en charge par").
    expect(after.handlerId).toBe(scenario.employer.user.id);
    expect(after.processedAt).toBeInstanceOf(Date);

    const events = await prisma.applicationEvent.findMany({ where: { applicationId: application.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      transition,
      fromStatus: from,
      toStatus: TRANSITIONS[transition].to,
      actorId: scenario.employer.user.id,
    });

    const kinds = EVENT_NOTIFICATIONS[transition];
    const expected = [
      ...(kinds.candidate ? [`${kinds.candidate} → ${candidate.email}`] : []),
      ...(kinds.prescriber ? [`${kinds.prescriber} → ${scenario.prescriber.user.email}`] : []),
    ].sort();
    expect(await outboxOf(application.id)).toEqual(expected);
    // A candidate link exists exactly when the candidate is emailed.
    expect(await prisma.candidateLink.count({ where: { candidateId: candidate.id } })).toBe(kinds.candidate ? 1 : 0);
  });
});

describe("what each decision records", () => {
  it("process: sets the handler, writes no email at all (FAQ)", async () => {
    const { application } = await applicationIn("NEW");
    expect(await fire("process", scenario.employer.ctx, application.id, "NEW")).toMatchObject({ ok: true });
    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "PROCESSING", handlerId: scenario.employer.user.id });
    expect(await prisma.outboxEmail.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("accept: dates and message on the row and the event; a former refusal is cleared", async () => {
    const { application } = await applicationIn("REFUSED");
    await prisma.jobApplication.update({
      where: { id: application.id },
      data: { refusalReason: "NOT_MOBILE", answerToPrescriber: "privé" },
    });
    const input = acceptSchema.parse({
      applicationId: application.id,
      status: "REFUSED",
      hiringStartDate: "2099-01-05",
      hiringEndDate: "2099-06-30",
    });
    expect(await acceptApplication(scenario.employer.ctx, input, { baseUrl: BASE_URL })).toMatchObject({ ok: true });
    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", refusalReason: null, answerToPrescriber: null, answerToCandidate: null });
    expect(after.hiringStartDate?.toISOString()).toBe("2099-01-05T00:00:00.000Z");
    expect(after.hiringEndDate?.toISOString()).toBe("2099-06-30T00:00:00.000Z");
    const event = await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: application.id } });
    expect(event).toMatchObject({ transition: "accept", fromStatus: "REFUSED", toStatus: "ACCEPTED" });
    expect(event.hiringStartDate?.toISOString()).toBe("2099-01-05T00:00:00.000Z");
  });

  it("refuse: reason, answer and private message on the row and the event", async () => {
    const { application } = await applicationIn("PROCESSING");
    await fire("refuse", scenario.employer.ctx, application.id, "PROCESSING");
    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({
      refusalReason: "NOT_MOBILE",
      answerToCandidate: expect.any(String),
      answerToPrescriber: expect.any(String),
    });
    const event = await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: application.id } });
    expect(event).toMatchObject({
      refusalReason: "NOT_MOBILE",
      message: after.answerToCandidate,
      privateMessage: after.answerToPrescriber,
    });
  });

  it("a decision on an application someone else handles keeps its handler", async () => {
    const colleague = await createMember(scenario.employerOrg);
    const { application } = await applicationIn("NEW");
    await fire("process", colleague.ctx, application.id, "NEW");
    await fire("postpone", scenario.employer.ctx, application.id, "PROCESSING");
    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.handlerId).toBe(colleague.user.id);
  });
});

describe("stale actions (someone acted first, double submit, back button)", () => {
  it("a second click on a status that moved on writes nothing and says what the status is", async () => {
    const { application } = await applicationIn("NEW");
    expect(await fire("process", scenario.employer.ctx, application.id, "NEW")).toMatchObject({ ok: true });
    const before = await snapshot([application.id]);
    expect(await fire("process", scenario.employer.ctx, application.id, "NEW")).toEqual({ error: "stale", status: "PROCESSING" });
    expect(await fire("refuse", scenario.employer.ctx, application.id, "NEW")).toEqual({ error: "stale", status: "PROCESSING" });
    // A seen status that does not allow the move, but is not the current one either: stale.
    expect(await fire("process", scenario.employer.ctx, application.id, "ACCEPTED")).toEqual({ error: "stale", status: "PROCESSING" });
    await expectNothingWritten([application.id], before);
  });

  it("two colleagues accepting at the same moment: one wins, the other is told, no error", async () => {
    const colleague = await createMember(scenario.employerOrg);
    const { application } = await applicationIn("PROCESSING");
    const results = await Promise.all([
      fire("accept", scenario.employer.ctx, application.id, "PROCESSING"),
      fire("accept", colleague.ctx, application.id, "PROCESSING"),
    ]);
    expect(results).toContainEqual(expect.objectContaining({ ok: true }));
    expect(results).toContainEqual({ error: "stale", status: "ACCEPTED" });
    expect(await prisma.applicationEvent.count({ where: { applicationId: application.id } })).toBe(1);
  });
});

describe("only members of the receiving organisation can decide", () => {
  it.each(USER_TRANSITIONS)(
    "%s: another employer, the sending prescriber, an outsider or a former member get not_found",
    async (transition) => {
      const from = TRANSITIONS[transition].from[0]!;
      const { application } = await applicationIn(from);
      const otherEmployer = await createMember(await createOrganization("EMPLOYER"), "ADMIN");
      const formerMember = await createMember(scenario.employerOrg);
      await prisma.membership.updateMany({ where: { userId: formerMember.user.id }, data: { isActive: false } });
      const outsider = await createMember(await createOrganization("EMPLOYER"));
      const before = await snapshot([application.id]);

      const intruders = [
        otherEmployer.ctx,
        scenario.prescriber.ctx,
        // The right organisation named by someone who is not (or no longer) in it.
        { ...outsider.ctx, organizationId: scenario.employerOrg.id },
        formerMember.ctx,
        // A prescriber context pointing at the employer: the kind decides the side.
        { ...scenario.employer.ctx, organizationKind: "PRESCRIBER" as const },
      ];
      for (const ctx of intruders) {
        expect(await fire(transition, ctx, application.id, from)).toEqual({ error: "not_found" });
      }
      expect(await fire(transition, scenario.employer.ctx, "does-not-exist", from)).toEqual({ error: "not_found" });
      await expectNothingWritten([application.id], before);
    },
  );
});

describe("take over («\u00a0Je prends en charge\u00a0»)", () => {
  it("a colleague takes over an application under study: handler changes, logged, no email", async () => {
    const colleague = await createMember(scenario.employerOrg);
    const { application } = await applicationIn("NEW");
    await processApplication(scenario.employer.ctx, { applicationId: application.id, status: "NEW" }, { baseUrl: BASE_URL });
    expect(await takeOverApplication(colleague.ctx, { applicationId: application.id, status: "PROCESSING" })).toMatchObject({ ok: true });

    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "PROCESSING", handlerId: colleague.user.id });
    const events = await prisma.applicationEvent.findMany({ where: { applicationId: application.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.transition, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["process", "NEW", "PROCESSING", scenario.employer.user.id],
      ["take_over", "PROCESSING", "PROCESSING", colleague.user.id],
    ]);
    expect(await prisma.outboxEmail.count({ where: { applicationId: application.id } })).toBe(0);

    // Taking over what one already handles changes nothing.
    const before = await snapshot([application.id]);
    expect(await takeOverApplication(colleague.ctx, { applicationId: application.id, status: "PROCESSING" })).toMatchObject({ ok: true });
    await expectNothingWritten([application.id], before);
  });

  it("a colleague takes over a postponed application, which stays postponed", async () => {
    const colleague = await createMember(scenario.employerOrg);
    const { application } = await applicationIn("POSTPONED");
    await prisma.jobApplication.update({ where: { id: application.id }, data: { handlerId: scenario.employer.user.id } });
    expect(await takeOverApplication(colleague.ctx, { applicationId: application.id, status: "POSTPONED" })).toMatchObject({ ok: true });

    const after = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "POSTPONED", handlerId: colleague.user.id });
    const events = await prisma.applicationEvent.findMany({ where: { applicationId: application.id } });
    expect(events.map((e) => [e.transition, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["take_over", "POSTPONED", "POSTPONED", colleague.user.id],
    ]);
  });

  it("only from PROCESSING or POSTPONED, only by a member of the receiving organisation", async () => {
    const { application } = await applicationIn("NEW");
    const before = await snapshot([application.id]);
    expect(await takeOverApplication(scenario.employer.ctx, { applicationId: application.id, status: "NEW" })).toEqual({
      error: "not_allowed",
      status: "NEW",
    });
    expect(await takeOverApplication(scenario.employer.ctx, { applicationId: application.id, status: "PROCESSING" })).toEqual({
      error: "stale",
      status: "NEW",
    });
    expect(await takeOverApplication(scenario.prescriber.ctx, { applicationId: application.id, status: "NEW" })).toEqual({
      error: "not_found",
    });
    // A decided application has no one left to handle it.
    const { application: accepted } = await applicationIn("ACCEPTED");
    const acceptedBefore = await snapshot([accepted.id]);
    expect(await takeOverApplication(scenario.employer.ctx, { applicationId: accepted.id, status: "ACCEPTED" })).toEqual({
      error: "not_allowed",
      status: "ACCEPTED",
    });
    await expectNothingWritten([application.id], before);
    await expectNothingWritten([accepted.id], acceptedBefore);
  });
});

describe("the decision time of «\u00a0Statistiques\u00a0» (decidedAt)", () => {
  const read = (id: string) =>
    prisma.jobApplication.findUniqueOrThrow({ where: { id }, select: { decidedAt: true, processedAt: true, handlerId: true } });

  it("is the team's first accept or refuse, kept through a later accept; studying and postponing set none", async () => {
    const { application } = await applicationIn("NEW");
    const employer = scenario.employer.ctx;

    expect(await fire("postpone", employer, application.id, "NEW")).toMatchObject({ ok: true });
    const postponed = await read(application.id);
    // Postponed straight from "Nouvelle candidature": answered and handled, not decided.
    expect(postponed).toMatchObject({ decidedAt: null, handlerId: employer.userId });
    expect(postponed.processedAt).not.toBeNull();

    expect(await fire("refuse", employer, application.id, "POSTPONED")).toMatchObject({ ok: true });
    const refusal = await prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: application.id, transition: "refuse" } });
    const refused = await read(application.id);
    expect(refused.decidedAt).toEqual(refusal.createdAt);
    expect(refused.processedAt).toEqual(postponed.processedAt);

    expect(await fire("accept", employer, application.id, "REFUSED")).toMatchObject({ ok: true });
    expect((await read(application.id)).decidedAt).toEqual(refusal.createdAt);

    const studied = (await applicationIn("NEW")).application;
    expect(await fire("process", employer, studied.id, "NEW")).toMatchObject({ ok: true });
    expect((await read(studied.id)).decidedAt).toBeNull();
  });
});
