import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";
import { refuseApplication } from "@/lib/applications/transitions";
import { refuseSchema } from "@/lib/applications/decision-validation";
import { REFUSAL_REASONS, REFUSAL_REASON_LABELS, type ApplicationStatus } from "@/lib/status";
import { BASE_URL, CANDIDATE_ANSWER, PRIVATE_MESSAGE, fire, outboxOf, snapshot } from "@/lib/applications/transitions-test-utils";

/** Two employers (the second with two members) and two prescriber organisations around one candidate. */
async function world() {
  const base = await createScenario();
  const otherEmployerOrg = await createOrganization("EMPLOYER", { type: "ACI" });
  const otherEmployer = await createMember(otherEmployerOrg, "ADMIN");
  const otherEmployerColleague = await createMember(otherEmployerOrg);
  const otherPrescriberOrg = await createOrganization("PRESCRIBER", { type: "ML" });
  const otherPrescriber = await createMember(otherPrescriberOrg);
  const send = (status: ApplicationStatus, employerOrganizationId: string, sender = base.prescriber.ctx, candidateId = base.candidate.id) =>
    createApplication({ candidateId, sender, employerOrganizationId, status });
  return { ...base, otherEmployerOrg, otherEmployer, otherEmployerColleague, otherPrescriber, send };
}

describe("accept: every other pending application of the person becomes «\u00a0Embauché ailleurs\u00a0»", () => {
  it("across organisations, in the same transaction, leaving decided applications and other people alone", async () => {
    const w = await world();
    const accepted = await w.send("NEW", w.employerOrg.id);
    const pendingElsewhere = {
      NEW: await w.send("NEW", w.otherEmployerOrg.id, w.otherPrescriber.ctx),
      PROCESSING: await w.send("PROCESSING", w.otherEmployerOrg.id),
      POSTPONED: await w.send("POSTPONED", w.employerOrg.id, w.otherPrescriber.ctx),
    };
    const decided = await Promise.all(
      (["ACCEPTED", "REFUSED", "CANCELLED", "OBSOLETE"] as const).map((status) => w.send(status, w.otherEmployerOrg.id)),
    );
    const someoneElse = await createCandidate();
    const untouched = [...decided, await w.send("NEW", w.employerOrg.id, w.prescriber.ctx, someoneElse.id)];
    // Rows only: the candidate's status link is (rightly) created by the acceptance email.
    const rowsOf = async () => {
      const { applications, events, emails } = await snapshot(untouched.map((a) => a.id));
      return { applications, events, emails };
    };
    const untouchedBefore = await rowsOf();

    const result = await fire("accept", w.employer.ctx, accepted.id, "NEW");
    expect(result).toMatchObject({ ok: true });

    expect((await prisma.jobApplication.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    // The action delivers exactly the rows this decision and its cascade wrote, once committed.
    const written = await prisma.outboxEmail.findMany({
      where: { applicationId: { in: [accepted.id, ...Object.values(pendingElsewhere).map((a) => a.id)] } },
      select: { id: true },
    });
    expect("ok" in result && [...result.emailIds].sort()).toEqual(written.map((row) => row.id).sort());
    for (const [from, application] of Object.entries(pendingElsewhere)) {
      const row = await prisma.jobApplication.findUniqueOrThrow({ where: { id: application.id } });
      expect(row.status, from).toBe("OBSOLETE");
      const events = await prisma.applicationEvent.findMany({ where: { applicationId: application.id } });
      expect(events.map((e) => [e.transition, e.fromStatus, e.toStatus, e.actorId])).toEqual([["render_obsolete", from, "OBSOLETE", null]]);
    }
    expect(await rowsOf()).toEqual(untouchedBefore);

    // DESIGN §5: the prescriber who sent it and every member of the receiving employer; never the candidate.
    expect(await outboxOf(pendingElsewhere.NEW.id)).toEqual(
      [
        `hired_elsewhere → ${w.otherPrescriber.user.email}`,
        `hired_elsewhere → ${w.otherEmployer.user.email}`,
        `hired_elsewhere → ${w.otherEmployerColleague.user.email}`,
      ].sort(),
    );
    expect(await outboxOf(pendingElsewhere.POSTPONED.id)).toEqual(
      [`hired_elsewhere → ${w.otherPrescriber.user.email}`, `hired_elsewhere → ${w.employer.user.email}`].sort(),
    );
    expect(await outboxOf(accepted.id)).toEqual(
      [`application_accepted → ${w.candidate.email}`, `application_accepted → ${w.prescriber.user.email}`].sort(),
    );
    // The "embauché ailleurs" emails never name the employer who hired.
    const elsewhere = await prisma.outboxEmail.findMany({ where: { applicationId: pendingElsewhere.NEW.id } });
    for (const email of elsewhere) expect(`${email.subject} ${email.text} ${email.html}`).not.toContain(w.employerOrg.name);
  });

  it("accepting again after «\u00a0Embauché ailleurs\u00a0» (part-time) cascades to what is still pending", async () => {
    const w = await world();
    const obsolete = await w.send("OBSOLETE", w.employerOrg.id);
    const stillPending = await w.send("PROCESSING", w.otherEmployerOrg.id);
    const hired = await w.send("ACCEPTED", w.otherEmployerOrg.id);
    expect(await fire("accept", w.employer.ctx, obsolete.id, "OBSOLETE")).toMatchObject({ ok: true });
    const statuses = await prisma.jobApplication.findMany({
      where: { id: { in: [obsolete.id, stillPending.id, hired.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [obsolete.id]: "ACCEPTED",
      [stillPending.id]: "OBSOLETE",
      [hired.id]: "ACCEPTED",
    });
  });
});

describe("two employers accepting the same person at the same moment", () => {
  it.each([1, 2, 3, 4, 5])("round %i: exactly one hire, the other «\u00a0Embauché ailleurs\u00a0», the loser told, no error", async () => {
    const w = await world();
    const first = await w.send("NEW", w.employerOrg.id);
    const second = await w.send("PROCESSING", w.otherEmployerOrg.id, w.otherPrescriber.ctx);
    const third = await w.send("POSTPONED", w.otherEmployerOrg.id);

    const results = await Promise.all([
      fire("accept", w.employer.ctx, first.id, "NEW"),
      fire("accept", w.otherEmployer.ctx, second.id, "PROCESSING"),
    ]);

    expect(results.filter((r) => "ok" in r)).toHaveLength(1);
    expect(results.filter((r) => !("ok" in r))).toEqual([{ error: "stale", status: "OBSOLETE" }]);
    const rows = await prisma.jobApplication.findMany({ where: { id: { in: [first.id, second.id, third.id] } } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    const [winner, loser] = "ok" in results[0]! ? [first, second] : [second, first];
    expect(byId).toEqual({ [winner.id]: "ACCEPTED", [loser.id]: "OBSOLETE", [third.id]: "OBSOLETE" });

    // No half cascade: the loser carries only the system event and no acceptance email.
    const loserEvents = await prisma.applicationEvent.findMany({ where: { applicationId: loser.id } });
    expect(loserEvents.map((e) => [e.transition, e.actorId])).toEqual([["render_obsolete", null]]);
    expect((await outboxOf(loser.id)).every((line) => line.startsWith("hired_elsewhere"))).toBe(true);
    expect(await prisma.applicationEvent.count({ where: { applicationId: winner.id } })).toBe(1);
  });
});

describe("refusal emails: the prescriber gets the reason, the candidate never does", () => {
  it.each(REFUSAL_REASONS)("%s", async (reason) => {
    const w = await world();
    const application = await w.send("PROCESSING", w.employerOrg.id);
    const input = refuseSchema.parse({
      applicationId: application.id,
      status: "PROCESSING",
      refusalReason: reason,
      answerToCandidate: CANDIDATE_ANSWER,
      answerToPrescriber: PRIVATE_MESSAGE,
    });
    expect(await refuseApplication(w.employer.ctx, input, { baseUrl: BASE_URL })).toMatchObject({ ok: true });

    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: application.id } });
    expect(emails.map((e) => e.template)).toEqual(["application_refused", "application_refused"]);
    const toCandidate = emails.find((e) => e.to === w.candidate.email)!;
    const toPrescriber = emails.find((e) => e.to === w.prescriber.user.email)!;
    const candidateText = `${toCandidate.subject}\n${toCandidate.text}\n${toCandidate.html}`;
    expect(candidateText).not.toContain(REFUSAL_REASON_LABELS[reason]);
    expect(candidateText).not.toContain(reason);
    expect(candidateText).not.toContain(PRIVATE_MESSAGE.slice(0, 30));
    expect(toCandidate.text).toContain(CANDIDATE_ANSWER);
    expect(toCandidate.text).toContain(`${BASE_URL}/c/`);
    expect(toPrescriber.text).toContain(REFUSAL_REASON_LABELS[reason]);
    expect(toPrescriber.text).toContain(PRIVATE_MESSAGE);
    expect(toPrescriber.text).toContain(`${BASE_URL}/applications/${application.id}`);
  });
});

describe("a candidate without an email", () => {
  it("the prescriber is still told of every decision; nothing is addressed to the candidate", async () => {
    const w = await world();
    const candidate = await createCandidate({ email: null });
    const application = await w.send("NEW", w.employerOrg.id, w.prescriber.ctx, candidate.id);
    expect(await fire("postpone", w.employer.ctx, application.id, "NEW")).toMatchObject({ ok: true });
    expect(await fire("accept", w.employer.ctx, application.id, "POSTPONED")).toMatchObject({ ok: true });
    expect(await fire("cancel", w.employer.ctx, application.id, "ACCEPTED")).toMatchObject({ ok: true });
    expect(await outboxOf(application.id)).toEqual(
      ["application_postponed", "application_accepted", "hire_cancelled"].map((kind) => `${kind} → ${w.prescriber.user.email}`).sort(),
    );
    expect(await prisma.candidateLink.count({ where: { candidateId: candidate.id } })).toBe(0);
  });
});
