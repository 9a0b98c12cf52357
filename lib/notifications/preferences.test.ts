/** "Mes notifications" on a real database: defaults, saving, scope, and what notify.ts does with it. */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { sendSignInLink } from "@/lib/auth/sign-in-email";
import { notifyApplicationEvent } from "@/lib/mail/notify";
import { emailKindsFor } from "@/lib/notifications/kinds";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/preferences";
import { notificationPreferencesSchema, preferencesFromFormData } from "@/lib/notifications/validation";
import { EMAIL_KIND_LABELS } from "@/lib/status";
import { createApplication, createMember, createOrganization, createScenario } from "@/test/fixtures";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

const PRESCRIBER_KINDS = [
  "application_sent",
  "application_postponed",
  "application_accepted",
  "application_refused",
  "hire_cancelled",
  "hired_elsewhere",
];
const EMPLOYER_KINDS = ["application_received", "hired_elsewhere", "auto_refusal_warning"];

describe("emailKindsFor", () => {
  it("lists what each side receives according to lib/status.ts, never the candidate's emails", () => {
    expect(emailKindsFor(["PRESCRIBER"])).toEqual(PRESCRIBER_KINDS);
    expect(emailKindsFor(["EMPLOYER"])).toEqual(EMPLOYER_KINDS);
    expect(emailKindsFor(["EMPLOYER", "PRESCRIBER"])).toEqual(["application_received", ...PRESCRIBER_KINDS, "auto_refusal_warning"]);
    expect(emailKindsFor([])).toEqual([]);
  });
});

describe("validation", () => {
  it("reads the switches of a form: listed and not posted = off", () => {
    const form = new FormData();
    for (const kind of ["application_sent", "application_refused"]) form.append("shown", kind);
    form.append("application_sent", "on");
    expect(preferencesFromFormData(form)).toEqual({ enabled: { application_sent: true, application_refused: false } });
    expect(notificationPreferencesSchema.safeParse(preferencesFromFormData(form)).success).toBe(true);
  });

  it("refuses an unknown kind and a non-boolean", () => {
    expect(notificationPreferencesSchema.safeParse({ enabled: { sign_in: false } }).success).toBe(false);
    expect(notificationPreferencesSchema.safeParse({ enabled: { application_sent: "no" } }).success).toBe(false);
  });
});

describe("notification settings", () => {
  it("are all on by default, with the labels of lib/status.ts", async () => {
    const { prescriber, employer } = await createScenario();
    const settings = await getNotificationSettings(prescriber.user.id);
    expect(settings.map((setting) => setting.kind)).toEqual(PRESCRIBER_KINDS);
    expect(settings.every((setting) => setting.enabled && setting.label === EMAIL_KIND_LABELS[setting.kind])).toBe(true);
    expect((await getNotificationSettings(employer.user.id)).map((setting) => setting.kind)).toEqual(EMPLOYER_KINDS);
  });

  it("are saved per person, and notify.ts honours them", async () => {
    const { employerOrg, prescriber, candidate } = await createScenario();
    const colleague = await createMember({ id: prescriber.ctx.organizationId, kind: "PRESCRIBER" });
    await updateNotificationSettings(prescriber.user.id, { enabled: { application_accepted: false, application_refused: true } });

    const settings = await getNotificationSettings(prescriber.user.id);
    expect(settings.filter((setting) => !setting.enabled).map((setting) => setting.kind)).toEqual(["application_accepted"]);
    expect((await getNotificationSettings(colleague.user.id)).every((setting) => setting.enabled)).toBe(true);

    const application = await createApplication({
      candidateId: candidate.id,
      sender: prescriber.ctx,
      employerOrganizationId: employerOrg.id,
      status: "ACCEPTED",
    });
    const accepted = await prisma.$transaction((tx) =>
      notifyApplicationEvent(tx, { event: "accept", applicationId: application.id, baseUrl: "http://localhost" }),
    );
    expect((await prisma.outboxEmail.findMany({ where: { id: { in: accepted } } })).map((row) => row.to)).toEqual([candidate.email]);

    // Switched on again: back.
    await updateNotificationSettings(prescriber.user.id, { enabled: { application_accepted: true } });
    const again = await prisma.$transaction((tx) =>
      notifyApplicationEvent(tx, { event: "accept", applicationId: application.id, baseUrl: "http://localhost" }),
    );
    expect((await prisma.outboxEmail.findMany({ where: { id: { in: again } } })).map((row) => row.to).sort()).toEqual(
      [candidate.email, prescriber.user.email].sort(),
    );
  });

  it("ignore kinds this person cannot receive", async () => {
    const employerOrg = await createOrganization("EMPLOYER");
    const { user } = await createMember(employerOrg);
    await updateNotificationSettings(user.id, { enabled: { application_refused: false, application_received: false } });
    const stored = await prisma.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, enabled: true } });
    expect(stored).toEqual([{ kind: "application_received", enabled: false }]);
  });

  it("cannot switch off sign-in emails", async () => {
    const { prescriber } = await createScenario();
    await updateNotificationSettings(prescriber.user.id, { enabled: Object.fromEntries(PRESCRIBER_KINDS.map((kind) => [kind, false])) });
    await sendSignInLink(prescriber.user.email, "http://localhost/api/auth/callback/resend?token=abc");
    expect(await prisma.outboxEmail.count({ where: { to: prescriber.user.email, template: "sign_in" } })).toBe(1);
  });
});
