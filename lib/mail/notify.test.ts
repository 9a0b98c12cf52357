/**
 * The emails of DESIGN §5, as written into the outbox by notifyApplicationEvent inside a
 * transaction, on a real database. No Resend key here: the rows are kept, never sent.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { notifyApplicationEvent, type NotifyInput } from "@/lib/mail/notify";
import { deliverDueEmails, deliverEmails } from "@/lib/mail/sender";
import { getCandidateStatus } from "@/lib/candidate-status";
import { REFUSAL_REASON_LABELS, REFUSAL_REASONS, type EventName, type RefusalReason } from "@/lib/status";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";
import type { Prisma } from "@/lib/generated/prisma/client";

// Whatever the developer's shell holds: this file is about kept emails.
vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

const BASE_URL = "http://localhost:3105";
const PRIVATE_MESSAGE = "Message privé\u00a0: le poste a été pourvu en interne.";
const ANSWER = "Bonjour, merci pour votre candidature.";
const PRESCRIBER_MESSAGE = "Message du prescripteur\u00a0: très motivé, disponible tout de suite.";

/** A prescriber, an employer team of two active members (+ one inactive), a candidate, an application. */
async function world(options: { candidateEmail?: string | null; application?: Prisma.JobApplicationUpdateInput } = {}) {
  const { prescriberOrg, employerOrg, prescriber, employer } = await createScenario();
  const colleague = await createMember(employerOrg);
  const former = await createMember(employerOrg);
  await prisma.membership.updateMany({ where: { userId: former.user.id }, data: { isActive: false } });
  const candidate = await createCandidate({ email: options.candidateEmail });
  const created = await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
  const application = await prisma.jobApplication.update({
    where: { id: created.id },
    data: { message: PRESCRIBER_MESSAGE, jobTitle: "Agent de tri", ...options.application },
  });
  return { prescriberOrg, employerOrg, prescriber, employer, colleague, former, candidate, application };
}

async function notify(event: EventName, applicationId: string, extra: Partial<NotifyInput> = {}) {
  const ids = await prisma.$transaction((tx) => notifyApplicationEvent(tx, { event, applicationId, baseUrl: BASE_URL, ...extra }));
  const rows = await prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
  return { ids, rows };
}

const recipients = (rows: { to: string; template: string }[]) => rows.map((row) => `${row.template} → ${row.to}`).sort();

const DECISIONS = {
  postpone: { status: "POSTPONED", answerToCandidate: ANSWER },
  accept: { status: "ACCEPTED", answerToCandidate: ANSWER, hiringStartDate: new Date("2027-01-04"), hiringEndDate: new Date("2027-06-30") },
  refuse: { status: "REFUSED", refusalReason: "NOT_MOBILE", answerToCandidate: ANSWER, answerToPrescriber: PRIVATE_MESSAGE },
  cancel: { status: "CANCELLED", answerToCandidate: ANSWER },
} as const satisfies Record<string, Prisma.JobApplicationUpdateInput>;

describe("notifyApplicationEvent writes exactly the emails of DESIGN §5", () => {
  it("send: the candidate, the prescriber who sent it, and every active member of the employer", async () => {
    const w = await world();
    const { rows } = await notify("send", w.application.id);
    expect(recipients(rows)).toEqual(
      [
        `application_confirmation → ${w.candidate.email}`,
        `application_sent → ${w.prescriber.user.email}`,
        `application_received → ${w.employer.user.email}`,
        `application_received → ${w.colleague.user.email}`,
      ].sort(),
    );
    expect(rows.every((row) => row.status === "PENDING" && row.applicationId === w.application.id)).toBe(true);
    const toEmployer = rows.find((row) => row.to === w.employer.user.email)!;
    expect(toEmployer.text).toContain(`${BASE_URL}/applications/${w.application.id}`);
    expect(toEmployer.userId).toBe(w.employer.user.id);
    const toCandidate = rows.find((row) => row.to === w.candidate.email)!;
    expect(toCandidate.text).toMatch(new RegExp(`${BASE_URL}/c/[A-Za-z0-9_-]{43}`));
    expect(toCandidate.userId).toBeNull();
  });

  it("process: no email at all", async () => {
    const w = await world({ application: { status: "PROCESSING" } });
    const { ids } = await notify("process", w.application.id);
    expect(ids).toEqual([]);
    expect(await prisma.outboxEmail.count({ where: { applicationId: w.application.id } })).toBe(0);
    expect(await prisma.candidateLink.count({ where: { candidateId: w.candidate.id } })).toBe(0);
  });

  it.each(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[])(
    "%s: the candidate and the prescriber, nobody in the employer team",
    async (event) => {
      const w = await world({ application: DECISIONS[event] });
      const { rows } = await notify(event, w.application.id, event === "cancel" ? { cancellationReason: "Absent le premier jour." } : {});
      const template = {
        postpone: "application_postponed",
        accept: "application_accepted",
        refuse: "application_refused",
        cancel: "hire_cancelled",
      }[event];
      expect(recipients(rows)).toEqual([`${template} → ${w.candidate.email}`, `${template} → ${w.prescriber.user.email}`].sort());
      const toCandidate = rows.find((row) => row.to === w.candidate.email)!;
      expect(toCandidate.text).toContain(`${BASE_URL}/c/`);
      if (event !== "cancel") expect(toCandidate.text).toContain(ANSWER);
      // Never the prescriber's message, nor the private message, to the candidate.
      for (const content of [toCandidate.subject, toCandidate.text, toCandidate.html]) {
        expect(content).not.toContain(PRESCRIBER_MESSAGE);
        expect(content).not.toContain("Message privé");
      }
    },
  );

  it("accept: both emails carry the hiring dates", async () => {
    const w = await world({ application: DECISIONS.accept });
    const { rows } = await notify("accept", w.application.id);
    for (const row of rows) {
      expect(row.text).toContain("lundi 4 janvier 2027");
      expect(row.text).toContain("mercredi 30 juin 2027");
    }
  });

  it.each(REFUSAL_REASONS)(
    "refuse (%s): the prescriber gets the reason and the private message, the candidate neither",
    async (reason: RefusalReason) => {
      const w = await world({ application: { ...DECISIONS.refuse, refusalReason: reason } });
      const { rows } = await notify("refuse", w.application.id);
      const toPrescriber = rows.find((row) => row.to === w.prescriber.user.email)!;
      const toCandidate = rows.find((row) => row.to === w.candidate.email)!;
      expect(toPrescriber.text).toContain(REFUSAL_REASON_LABELS[reason]);
      expect(toPrescriber.text).toContain(PRIVATE_MESSAGE);
      expect(toPrescriber.text).toContain(ANSWER);
      for (const content of [toCandidate.subject, toCandidate.text, toCandidate.html]) {
        expect(content).not.toContain(REFUSAL_REASON_LABELS[reason]);
        expect(content).not.toContain(PRIVATE_MESSAGE);
        expect(content).not.toContain("Motif");
      }
      expect(toCandidate.text).toContain(ANSWER);
    },
  );

  it("render_obsolete: the prescriber and the members of that employer, not the candidate", async () => {
    const w = await world({ application: { status: "OBSOLETE" } });
    const { rows } = await notify("render_obsolete", w.application.id);
    expect(recipients(rows)).toEqual(
      [
        `hired_elsewhere → ${w.prescriber.user.email}`,
        `hired_elsewhere → ${w.employer.user.email}`,
        `hired_elsewhere → ${w.colleague.user.email}`,
      ].sort(),
    );
  });

  it("a candidate without email gets nothing, and the prescriber still gets every decision", async () => {
    for (const event of ["send", ...Object.keys(DECISIONS), "render_obsolete"] as EventName[]) {
      const decision = DECISIONS[event as keyof typeof DECISIONS];
      const w = await world({ candidateEmail: null, application: decision ?? (event === "render_obsolete" ? { status: "OBSOLETE" } : {}) });
      const { rows } = await notify(event, w.application.id);
      expect(
        rows.map((row) => row.to),
        event,
      ).toContain(w.prescriber.user.email);
      expect(
        rows.every((row) => row.userId !== null),
        event,
      ).toBe(true);
      expect(await prisma.candidateLink.count({ where: { candidateId: w.candidate.id } }), event).toBe(0);
    }
  });

  it("the candidate's link opens their status page: this application, without the reason or the private message", async () => {
    const w = await world({ application: DECISIONS.refuse });
    const { rows } = await notify("refuse", w.application.id);
    const token = rows.find((row) => row.to === w.candidate.email)!.text.match(/\/c\/([A-Za-z0-9_-]+)/)![1]!;
    const status = await getCandidateStatus(token);
    expect(status?.applications.map((application) => application.id)).toEqual([w.application.id]);
    expect(JSON.stringify(status)).not.toContain("NOT_MOBILE");
    expect(JSON.stringify(status)).not.toContain(PRIVATE_MESSAGE);
  });
});

describe("Mes notifications", () => {
  it("a professional who switched a kind off gets none of it; everyone else still does", async () => {
    const w = await world({ application: DECISIONS.accept });
    await prisma.notificationPreference.create({ data: { userId: w.prescriber.user.id, kind: "application_accepted", enabled: false } });
    await prisma.notificationPreference.create({ data: { userId: w.colleague.user.id, kind: "application_received", enabled: false } });
    // Switched off, then on again: on.
    await prisma.notificationPreference.create({ data: { userId: w.employer.user.id, kind: "application_received", enabled: true } });

    expect(recipients((await notify("accept", w.application.id)).rows)).toEqual([`application_accepted → ${w.candidate.email}`]);
    expect(recipients((await notify("send", w.application.id)).rows)).toEqual(
      [
        `application_confirmation → ${w.candidate.email}`,
        `application_sent → ${w.prescriber.user.email}`,
        `application_received → ${w.employer.user.email}`,
      ].sort(),
    );
    // Another kind is not affected by the switched-off one.
    expect(recipients((await notify("refuse", w.application.id)).rows)).toContain(`application_refused → ${w.prescriber.user.email}`);
  });
});

describe("without RESEND_API_KEY", () => {
  it("nothing is sent: the rows stay PENDING, kept for /dev/mails", async () => {
    const w = await world();
    const { ids } = await notify("send", w.application.id);
    expect(await deliverEmails(ids)).toEqual({ sent: 0, retried: 0, rateLimited: 0, failed: 0, held: 0 });
    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, rateLimited: 0, failed: 0, held: 0 });
    const rows = await prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === "PENDING" && row.attempts === 0)).toBe(true);
  });
});

describe("notifications of one organisation's event", () => {
  it("reach only that employer's members, not another employer's", async () => {
    const w = await world({ application: { status: "OBSOLETE" } });
    const otherEmployer = await createOrganization("EMPLOYER");
    const outsider = await createMember(otherEmployer, "ADMIN");
    const { rows } = await notify("render_obsolete", w.application.id);
    expect(rows.map((row) => row.to)).not.toContain(outsider.user.email);
  });
});
