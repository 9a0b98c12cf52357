/**
 * The automatic refusal (issue 10), through the jobs runner as `npm run jobs -- --as-of` runs it:
 * the employer team's warning once per application, the refusal 60 days after the last status
 * change (never less than 15 days after the warning), each run twice, and the e-mails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";
import { autoRefusalDay, autoRefusalJob, autoRefusalWarningJob } from "@/lib/applications/auto-refusal";
import { fire } from "@/lib/applications/transitions-test-utils";
import { runJobs } from "@/lib/jobs/runner";
import { dayAt, startOfDay } from "@/lib/jobs/day";
import { parseCalendarDate } from "@/lib/calendar-date";
import { ALL_REFUSAL_REASONS, REFUSAL_REASON_LABELS, autoRefusalAnswer, type ApplicationStatus } from "@/lib/status";
import { DAY_MS } from "@/lib/time";
import { formatFrenchDate } from "@/lib/mail/templates/format";

const JOBS = [autoRefusalWarningJob, autoRefusalJob];
const TODAY = dayAt(new Date());
const plus = (day: string, days: number) => new Date(parseCalendarDate(day)!.getTime() + days * DAY_MS).toISOString().slice(0, 10);
const daysBefore = (day: string, days: number) => new Date(startOfDay(day).getTime() - days * DAY_MS);
const run = async (day: string) => {
  const outcomes = await runJobs({ day, jobs: JOBS, force: true });
  for (const outcome of outcomes) expect(outcome.status, JSON.stringify(outcome)).toBe("done");
  return Object.fromEntries(outcomes.map((outcome) => [outcome.name, outcome.status === "done" ? outcome.result : null]));
};

let scenario: Awaited<ReturnType<typeof createScenario>>;
let colleague: Awaited<ReturnType<typeof createMember>>;
let formerColleague: Awaited<ReturnType<typeof createMember>>;
beforeAll(async () => {
  scenario = await createScenario();
  colleague = await createMember(scenario.employerOrg);
  formerColleague = await createMember(scenario.employerOrg);
  await prisma.membership.updateMany({ where: { userId: formerColleague.user.id }, data: { isActive: false } });
});

async function waiting(status: ApplicationStatus, unchangedSince: Date, employerOrganizationId = scenario.employerOrg.id) {
  const candidate = await createCandidate();
  const application = await createApplication({
    candidateId: candidate.id,
    sender: scenario.prescriber.ctx,
    employerOrganizationId,
    status,
    createdAt: unchangedSince,
  });
  await prisma.jobApplication.update({ where: { id: application.id }, data: { statusChangedAt: unchangedSince } });
  return { candidate, application };
}

const warningsTo = (email: string) =>
  prisma.outboxEmail.findMany({ where: { to: email, template: "auto_refusal_warning" }, orderBy: { createdAt: "asc" } });
const row = (id: string) => prisma.jobApplication.findUniqueOrThrow({ where: { id } });

describe("automatic refusal, day by day with --as-of", () => {
  it("warns once, refuses 15 days later as the system, and a second run of each day changes nothing more", async () => {
    const pending = await waiting("NEW", daysBefore(TODAY, 50));
    const longForgotten = await waiting("PROCESSING", daysBefore(TODAY, 70));
    const recent = await waiting("NEW", daysBefore(TODAY, 40));
    const postponed = await waiting("POSTPONED", daysBefore(TODAY, 100));
    const answeredAfterWarning = await waiting("NEW", daysBefore(TODAY, 50));

    // Day D: the two applications at 45 days and more are listed in one e-mail per active member.
    await run(TODAY);
    const [warning] = await warningsTo(scenario.employer.user.email);
    expect(await warningsTo(scenario.employer.user.email)).toHaveLength(1);
    expect(await warningsTo(colleague.user.email)).toHaveLength(1);
    expect(await warningsTo(formerColleague.user.email)).toHaveLength(0);
    expect(warning!).toMatchObject({ applicationId: null, userId: scenario.employer.user.id });
    expect(warning!.subject).toBe(`3 candidatures bientôt déclinées automatiquement (${scenario.employerOrg.name})`);
    for (const listed of [pending, longForgotten, answeredAfterWarning]) expect(warning!.text).toContain(listed.candidate.lastName);
    for (const notListed of [recent, postponed]) expect(warning!.text).not.toContain(notListed.candidate.lastName);
    // The forgotten one is not refused at once: its team gets its 15 days.
    expect((await row(longForgotten.application.id)).status).toBe("PROCESSING");
    expect(warning!.text).toContain(`Déclinée automatiquement le\u00a0: `);

    // Again the same day, and the next day: no second e-mail for the same applications.
    const again = await run(TODAY);
    expect(again).toEqual({
      "auto-refusal-warning": { employersWarned: 0, applicationsListed: 0, warningEmails: 0 },
      "auto-refusal": { refused: 0 },
    });
    await run(plus(TODAY, 1));
    expect(await warningsTo(scenario.employer.user.email)).toHaveLength(1);

    // A member answers one of them: its wait starts again.
    expect(await fire("process", scenario.employer.ctx, answeredAfterWarning.application.id, "NEW")).toMatchObject({ ok: true });

    // D + 15: the two still unanswered are declined; the recent one gets its own warning now.
    const day15 = plus(TODAY, 15);
    const result = await run(day15);
    // Other test files' applications may share this database: count ours only.
    expect(result["auto-refusal"]!.refused).toBeGreaterThanOrEqual(2);
    for (const refused of [pending, longForgotten]) {
      expect(await row(refused.application.id)).toMatchObject({
        status: "REFUSED",
        refusalReason: "AUTO",
        answerToCandidate: autoRefusalAnswer(60),
        answerToPrescriber: null,
      });
      const events = await prisma.applicationEvent.findMany({ where: { applicationId: refused.application.id } });
      // No actor: the history shows "Système".
      expect(events).toEqual([
        expect.objectContaining({
          transition: "auto_refuse",
          toStatus: "REFUSED",
          actorId: null,
          refusalReason: "AUTO",
          message: autoRefusalAnswer(60),
        }),
      ]);
    }
    expect((await row(answeredAfterWarning.application.id)).status).toBe("PROCESSING");
    expect((await row(postponed.application.id)).status).toBe("POSTPONED");
    const warnings = await warningsTo(scenario.employer.user.email);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]!.subject).toBe(`1 candidature bientôt déclinée automatiquement (${scenario.employerOrg.name})`);
    expect(warnings[1]!.text).toContain(recent.candidate.lastName);

    // D + 15 again: nothing more is written anywhere.
    const ids = [pending, longForgotten, recent, postponed, answeredAfterWarning].map((a) => a.application.id);
    const before = {
      applications: await prisma.jobApplication.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
      events: await prisma.applicationEvent.count({ where: { applicationId: { in: ids } } }),
      emails: await prisma.outboxEmail.count(),
    };
    expect(await run(day15)).toEqual({
      "auto-refusal-warning": { employersWarned: 0, applicationsListed: 0, warningEmails: 0 },
      "auto-refusal": { refused: 0 },
    });
    expect({
      applications: await prisma.jobApplication.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
      events: await prisma.applicationEvent.count({ where: { applicationId: { in: ids } } }),
      emails: await prisma.outboxEmail.count(),
    }).toEqual(before);
  });

  it("e-mails the refusal as any other: the prescriber reads the reason; the candidate reads only the automatic one", async () => {
    const { candidate, application } = await waiting("NEW", daysBefore(TODAY, 80));
    await prisma.jobApplication.update({ where: { id: application.id }, data: { autoRefusalWarnedAt: daysBefore(TODAY, 20) } });
    await run(TODAY);
    expect((await row(application.id)).status).toBe("REFUSED");

    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: application.id } });
    expect(emails.map((email) => `${email.template} → ${email.to}`).sort()).toEqual(
      [`application_refused → ${candidate.email}`, `application_refused → ${scenario.prescriber.user.email}`].sort(),
    );
    const toPrescriber = emails.find((email) => email.to === scenario.prescriber.user.email)!;
    expect(toPrescriber.text).toContain("Motif de refus\u00a0: Refus automatique");
    expect(toPrescriber.text).toContain("Ce motif est communiqué au candidat");
    expect(toPrescriber.text).toContain("n'a pas répondu à la candidature");

    const toCandidate = emails.find((email) => email.to === candidate.email)!;
    expect(toCandidate.subject).toContain("déclinée automatiquement");
    expect(toCandidate.text).toContain("Motif\u00a0: Refus automatique");
    expect(toCandidate.text).toContain("dans un délai de 2 mois");
    expect(toCandidate.text).toContain("postuler auprès d'autres employeurs");
    for (const reason of ALL_REFUSAL_REASONS.filter((r) => r !== "AUTO" && r !== "OTHER")) {
      expect(toCandidate.text).not.toContain(REFUSAL_REASON_LABELS[reason]);
    }
  });

  it("lists what another employer received to that employer's team only", async () => {
    const otherEmployer = await createOrganization("EMPLOYER");
    const otherMember = await createMember(otherEmployer);
    const theirs = await waiting("NEW", daysBefore(TODAY, 46), otherEmployer.id);
    await run(TODAY);
    const [theirWarning] = await warningsTo(otherMember.user.email);
    expect(theirWarning!.text).toContain(theirs.candidate.lastName);
    expect(theirWarning!.text).not.toContain(scenario.employerOrg.name);
    expect((await warningsTo(scenario.employer.user.email)).every((email) => !email.text.includes(theirs.candidate.lastName))).toBe(true);
  });

  it("the day the page and the e-mail announce is the day the job declines, not one before", async () => {
    const otherEmployer = await createOrganization("EMPLOYER");
    const member = await createMember(otherEmployer);
    const due = await waiting("PROCESSING", daysBefore(TODAY, 52), otherEmployer.id);
    expect(autoRefusalDay(await row(due.application.id), 60)).toBeNull(); // not warned yet: nothing announced
    await run(TODAY);

    const announced = autoRefusalDay(await row(due.application.id), 60);
    expect(announced).toEqual(parseCalendarDate(plus(TODAY, 15)));
    const [warning] = await warningsTo(member.user.email);
    expect(warning!.text).toContain(`Déclinée automatiquement le\u00a0: ${formatFrenchDate(announced!)}`);

    await run(plus(TODAY, 14));
    expect((await row(due.application.id)).status).toBe("PROCESSING");
    await run(plus(TODAY, 15));
    expect((await row(due.application.id)).status).toBe("REFUSED");
    // Answered: nothing left to announce.
    expect(autoRefusalDay(await row(due.application.id), 60)).toBeNull();
  });

  it("announces nothing for a postponed application, nor for one answered since its warning", () => {
    const warnedAt = daysBefore(TODAY, 3);
    expect(autoRefusalDay({ status: "POSTPONED", statusChangedAt: daysBefore(TODAY, 50), autoRefusalWarnedAt: warnedAt }, 60)).toBeNull();
    expect(autoRefusalDay({ status: "PROCESSING", statusChangedAt: daysBefore(TODAY, 1), autoRefusalWarnedAt: warnedAt }, 60)).toBeNull();
    expect(autoRefusalDay({ status: "NEW", statusChangedAt: daysBefore(TODAY, 50), autoRefusalWarnedAt: warnedAt }, 60)).toEqual(
      parseCalendarDate(plus(TODAY, 12)),
    );
  });

  it("never announces a past day: when the job missed its day, the next run declines it", () => {
    // Due five days ago (its wait ended 10 days ago, its warning 20 days ago), still unanswered.
    const missed = { status: "PROCESSING" as const, statusChangedAt: daysBefore(TODAY, 70), autoRefusalWarnedAt: daysBefore(TODAY, 20) };
    expect(autoRefusalDay(missed, 60, daysBefore(TODAY, 10))).toEqual(parseCalendarDate(plus(TODAY, -5)));
    expect(autoRefusalDay(missed, 60)).toEqual(parseCalendarDate(TODAY));
  });
});
