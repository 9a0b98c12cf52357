import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { organizationStats } from "@/lib/stats/queries";
import { monthPeriod, parsePeriod, periodChoices, quarterPeriod } from "@/lib/stats/period";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

const DAY = 86_400_000;

describe("periods", () => {
  it("bounds months, quarters and years at Paris midnight and offers the recent ones", () => {
    const march = monthPeriod(2026, 2);
    expect(march.from.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(march.to.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(quarterPeriod(2026, 4).label).toBe("4e trimestre 2026");
    const now = new Date("2026-11-29T12:00:00Z");
    expect(periodChoices(now).quarter[0]!.key).toBe("2026-T4");
    expect(parsePeriod("2026-03", now).key).toBe("2026-03");
    // Unknown or too old: the current year.
    expect(parsePeriod("1999", now).key).toBe("2026");
    expect(parsePeriod(["2026-03"], now).key).toBe("2026");
  });
});

describe("organizationStats", () => {
  it("counts each side's own applications of the period, with medians, reasons and members", async () => {
    const orgA = await createOrganization("PRESCRIBER");
    const orgB = await createOrganization("PRESCRIBER");
    const p1 = await createMember(orgA);
    const p2 = await createMember(orgA);
    const pb = await createMember(orgB);
    const employerOrg = await createOrganization("EMPLOYER");
    const e1 = await createMember(employerOrg, "ADMIN");
    const candidate = await createCandidate();
    const send = async (
      sender: typeof p1,
      status: "NEW" | "PROCESSING" | "ACCEPTED" | "REFUSED",
      createdAt: string,
      answerDays: number | null,
      decisionDays: number | null,
      refusalReason?: "NO_POSITION" | "DUPLICATE" | "NOT_MOBILE",
    ) => {
      const sentAt = new Date(createdAt);
      const application = await createApplication({
        candidateId: candidate.id,
        sender: sender.ctx,
        employerOrganizationId: employerOrg.id,
        status,
        createdAt: sentAt,
        history: { handlerId: e1.user.id, refusalReason },
      });
      if (answerDays !== null) {
        await prisma.jobApplication.update({
          where: { id: application.id },
          data: { processedAt: new Date(sentAt.getTime() + answerDays * DAY) },
        });
      }
      if (decisionDays !== null) {
        // The decision moved in time, in its event and where the transitions keep it (decidedAt).
        const decidedAt = new Date(sentAt.getTime() + decisionDays * DAY);
        await prisma.applicationEvent.updateMany({
          where: { applicationId: application.id, transition: { in: ["accept", "refuse"] } },
          data: { createdAt: decidedAt },
        });
        await prisma.jobApplication.update({ where: { id: application.id }, data: { decidedAt } });
      }
    };
    // March 2026 in Paris, including its first half hour (still February in UTC).
    await send(p1, "ACCEPTED", "2026-03-10T10:00:00Z", 1, 2);
    await send(p1, "REFUSED", "2026-03-11T10:00:00Z", 3, 6, "NO_POSITION");
    await send(p1, "NEW", "2026-02-28T23:30:00Z", null, null);
    await send(p2, "REFUSED", "2026-03-20T10:00:00Z", 5, 10, "DUPLICATE");
    await send(p2, "PROCESSING", "2026-03-21T10:00:00Z", 7, null);
    // Outside the period: 1 April 00:30 in Paris.
    await send(p1, "REFUSED", "2026-03-31T22:30:00Z", 1, 1, "NO_POSITION");
    // Another prescriber's application to the same employer.
    await send(pb, "REFUSED", "2026-03-15T10:00:00Z", 9, 9, "NOT_MOBILE");

    const march = monthPeriod(2026, 2);
    const prescriber = await organizationStats(p1.ctx, march);
    expect(prescriber.total).toBe(5);
    expect(prescriber.months).toHaveLength(1);
    expect(prescriber.months[0]!.counts).toMatchObject({ NEW: 1, PROCESSING: 1, ACCEPTED: 1, REFUSED: 2, POSTPONED: 0 });
    expect(prescriber.accepted).toBe(1);
    expect(prescriber.answered).toBe(4);
    expect(prescriber.firstAnswerDays).toBeCloseTo(4); // 1, 3, 5, 7
    expect(prescriber.decided).toBe(3);
    expect(prescriber.decisionDays).toBeCloseTo(6); // 2, 6, 10
    expect(prescriber.refusalReasons).toEqual([
      { reason: "DUPLICATE", count: 1 },
      { reason: "NO_POSITION", count: 1 },
    ]);
    expect(prescriber.members.map((m) => [m.userId, m.total, m.accepted, m.refused, m.pending])).toEqual([
      [p1.user.id, 3, 1, 1, 1],
      [p2.user.id, 2, 0, 1, 1],
    ]);

    const employer = await organizationStats(e1.ctx, march);
    expect(employer.total).toBe(6);
    expect(employer.refusalReasons.map((r) => r.reason).sort()).toEqual(["DUPLICATE", "NOT_MOBILE", "NO_POSITION"]);
    // Per handler: the employer's own member only, never the prescribers.
    expect(employer.members.map((m) => [m.userId, m.total])).toEqual([[e1.user.id, 5]]);

    const other = await organizationStats(pb.ctx, march);
    expect(other.total).toBe(1);
    expect(other.members.map((m) => m.userId)).toEqual([pb.user.id]);

    const q1 = await organizationStats(p1.ctx, quarterPeriod(2026, 1));
    expect(q1.months.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(q1.months[1]!.counts.NEW).toBe(0);
  });
});
