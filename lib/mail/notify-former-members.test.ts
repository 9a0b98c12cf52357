/**
 * Issue 8, item 8: the e-mails meant for the sending adviser reach them only while they are an
 * active member of the sending organisation; afterwards, that organisation's active admins,
 * each according to their own "Mes notifications".
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

const PRIVATE_MESSAGE = "Message privé\u00a0: le poste a été pourvu en interne.";

/** A refused application sent by an adviser of an organisation with admins of every kind. */
async function world() {
  const { prescriberOrg, employerOrg, prescriber, employer } = await createScenario();
  const admin = await createMember(prescriberOrg, "ADMIN");
  const quietAdmin = await createMember(prescriberOrg, "ADMIN");
  await prisma.notificationPreference.create({ data: { userId: quietAdmin.user.id, kind: "application_refused", enabled: false } });
  const formerAdmin = await createMember(prescriberOrg, "ADMIN");
  await prisma.membership.updateMany({ where: { userId: formerAdmin.user.id }, data: { isActive: false } });
  const colleague = await createMember(prescriberOrg);
  // An admin of another prescriber organisation never hears of it.
  const strangerAdmin = await createMember(await createOrganization("PRESCRIBER"), "ADMIN");
  const candidate = await createCandidate({ email: null });
  const created = await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
  const application = await prisma.jobApplication.update({
    where: { id: created.id },
    data: { status: "REFUSED", refusalReason: "NOT_MOBILE", answerToCandidate: "Bonjour, merci.", answerToPrescriber: PRIVATE_MESSAGE },
  });
  return { prescriberOrg, prescriber, employer, admin, quietAdmin, formerAdmin, colleague, strangerAdmin, application };
}

async function refusalRecipients(applicationId: string) {
  const ids = await prisma.$transaction((tx) =>
    notifyApplicationEvent(tx, { event: "refuse", applicationId, baseUrl: "https://suivi.test" }),
  );
  const rows = await prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
  return rows;
}

describe("e-mails meant for the sending adviser", () => {
  it("reach the adviser alone while they are an active member of the sending organisation", async () => {
    const w = await world();
    const rows = await refusalRecipients(w.application.id);
    expect(rows.map((row) => row.to)).toEqual([w.prescriber.user.email]);
  });

  it("reach the organisation's active admins once the adviser is no longer an active member, with the private message", async () => {
    const w = await world();
    await prisma.membership.updateMany({
      where: { userId: w.prescriber.user.id, organizationId: w.prescriberOrg.id },
      data: { isActive: false },
    });
    const rows = await refusalRecipients(w.application.id);
    // Not the former adviser, not the admin who switched refusals off, not a former admin, not a
    // plain colleague, not another organisation's admin.
    expect(rows.map((row) => row.to)).toEqual([w.admin.user.email]);
    expect(rows[0]).toMatchObject({ template: "application_refused", userId: w.admin.user.id });
    expect(rows[0]!.text).toContain(PRIVATE_MESSAGE);
  });

  it("go to the admins too when the adviser's membership is gone, even if they now work elsewhere", async () => {
    const w = await world();
    await prisma.membership.deleteMany({ where: { userId: w.prescriber.user.id, organizationId: w.prescriberOrg.id } });
    await prisma.membership.create({ data: { userId: w.prescriber.user.id, organizationId: w.strangerAdmin.ctx.organizationId } });
    const rows = await refusalRecipients(w.application.id);
    expect(rows.map((row) => row.to)).toEqual([w.admin.user.email]);
  });

  it("go to nobody on the prescriber side when the organisation has no active admin left", async () => {
    const w = await world();
    await prisma.membership.updateMany({ where: { organizationId: w.prescriberOrg.id, role: "ADMIN" }, data: { isActive: false } });
    await prisma.membership.updateMany({
      where: { userId: w.prescriber.user.id, organizationId: w.prescriberOrg.id },
      data: { isActive: false },
    });
    expect(await refusalRecipients(w.application.id)).toEqual([]);
  });
});

describe("the candidate's way back to an adviser who has left", () => {
  async function candidateEmailAfterLeaving(organizationContactEmail: string | null) {
    const { prescriberOrg, employerOrg, prescriber } = await createScenario();
    await prisma.organization.update({ where: { id: prescriberOrg.id }, data: { contactEmail: organizationContactEmail } });
    const candidate = await createCandidate();
    const created = await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
    const read = async () => {
      const ids = await prisma.$transaction((tx) =>
        notifyApplicationEvent(tx, { event: "send", applicationId: created.id, baseUrl: "https://suivi.test" }),
      );
      return prisma.outboxEmail.findFirstOrThrow({ where: { id: { in: ids }, to: candidate.email! } });
    };
    // While a member, the adviser's own address; after, never theirs.
    expect((await read()).text).toContain(`: ${prescriber.user.email}.`);
    await prisma.membership.updateMany({ where: { userId: prescriber.user.id }, data: { isActive: false } });
    const after = await read();
    expect(after.text).not.toContain(prescriber.user.email);
    return after.text;
  }

  it("is the organisation's contact address once the adviser has left", async () => {
    expect(await candidateEmailAfterLeaving("contact@mission-locale.test")).toContain(": contact@mission-locale.test.");
  });

  it("is no address at all when the organisation has none", async () => {
    const text = await candidateEmailAfterLeaving(null);
    expect(text).toMatch(/Pour toute question, vous pouvez contacter .+\./);
    expect(text).not.toMatch(/null|undefined/);
  });
});
