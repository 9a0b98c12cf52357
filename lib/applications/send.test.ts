import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sendApplication } from "@/lib/applications/send";
import { createApplication, createCandidate, createMember, createOrganization, createScenario } from "@/test/fixtures";

const BASE_URL = "http://test.local";
const MESSAGE = "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.";

async function scenario() {
  const s = await createScenario();
  const employer2 = await createMember(s.employerOrg);
  const colleague = await createMember(s.prescriberOrg);
  return { ...s, employer2, colleague };
}

const newCandidate = (overrides: Record<string, unknown> = {}) => ({
  spontaneous: true,
  candidateMode: "new",
  firstName: "Léa",
  lastName: `Durand${Math.random().toString(36).slice(2, 8)}`,
  message: MESSAGE,
  ...overrides,
});

/** Rows of every table a send writes to: a refused send must leave them all unchanged. */
async function tableCounts() {
  const [candidates, profiles, applications, events, emails, links] = await Promise.all([
    prisma.candidate.count(),
    prisma.candidateProfile.count(),
    prisma.jobApplication.count(),
    prisma.applicationEvent.count(),
    prisma.outboxEmail.count(),
    prisma.candidateLink.count(),
  ]);
  return { candidates, profiles, applications, events, emails, links };
}

const namesOf = (candidate: { firstName: string; lastName: string }) => ({ firstName: candidate.firstName, lastName: candidate.lastName });

async function expectNothingWritten<T>(run: () => Promise<T>): Promise<T> {
  const before = await tableCounts();
  const result = await run();
  expect(await tableCounts()).toEqual(before);
  return result;
}

function applicationIdOf(result: Awaited<ReturnType<typeof sendApplication>>): string {
  if (!result.ok) throw new Error(`send refused: ${result.error}`);
  return result.applicationId;
}

describe("sendApplication", () => {
  it("creates a new candidate, the NEW application, its send event and the emails of DESIGN §5", async () => {
    const s = await scenario();
    const email = `Lea.${Date.now()}@Mail.TEST`;
    const result = await sendApplication(
      s.prescriber.ctx,
      newCandidate({
        email,
        phone: "06 12 34 56 78",
        birthDate: "1990-04-05",
        employerOrganizationId: s.employerOrg.id,
        jobTitle: "Agent de tri",
      }),
      { baseUrl: BASE_URL },
    );
    const id = applicationIdOf(result);

    const application = await prisma.jobApplication.findUniqueOrThrow({
      where: { id },
      include: { candidate: true, candidateProfile: true, events: true },
    });
    expect(application).toMatchObject({
      status: "NEW",
      senderUserId: s.prescriber.user.id,
      senderOrganizationId: s.prescriberOrg.id,
      employerOrganizationId: s.employerOrg.id,
      jobTitle: "Agent de tri",
      message: MESSAGE,
    });
    expect(application.candidate.email).toBe(email.toLowerCase());
    // What the prescriber typed is its organisation's record of the person.
    expect(application.candidateProfile).toMatchObject({ organizationId: s.prescriberOrg.id, firstName: "Léa", phone: "06 12 34 56 78" });
    expect(application.candidateProfile.birthDate?.toISOString().slice(0, 10)).toBe("1990-04-05");
    expect(application.events).toEqual([
      expect.objectContaining({ transition: "send", fromStatus: null, toStatus: "NEW", actorId: s.prescriber.user.id }),
    ]);

    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: id }, orderBy: { to: "asc" } });
    expect(emails.map((e) => [e.to, e.template]).sort()).toEqual(
      [
        [s.employer.user.email, "application_received"],
        [s.employer2.user.email, "application_received"],
        [s.prescriber.user.email, "application_sent"],
        [email.toLowerCase(), "application_confirmation"],
      ].sort(),
    );
    // The candidate's email carries their personal status link, professionals the application page.
    expect(emails.find((e) => e.template === "application_confirmation")?.text).toContain(`${BASE_URL}/c/`);
    expect(emails.find((e) => e.template === "application_sent")?.text).toContain(`${BASE_URL}/applications/${id}`);
    expect(emails.every((e) => e.status === "PENDING")).toBe(true);
    // The action hands these ids to the sender once the transaction has committed.
    expect(result.ok && [...result.emailIds].sort()).toEqual(emails.map((e) => e.id).sort());
  });

  it("sends no email to a candidate without an address, and still tells the prescriber and the employer", async () => {
    const s = await scenario();
    const id = applicationIdOf(
      await sendApplication(s.prescriber.ctx, newCandidate({ employerOrganizationId: s.employerOrg.id }), { baseUrl: BASE_URL }),
    );
    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: id } });
    expect(emails.map((e) => e.template).sort()).toEqual(["application_received", "application_received", "application_sent"]);
    expect(await prisma.candidateLink.count({ where: { candidate: { applications: { some: { id } } } } })).toBe(0);
  });

  it("attaches an email that already belongs to a candidate to that person, whatever its case, keeping each organisation's own record", async () => {
    const s = await scenario();
    const other = await createOrganization("PRESCRIBER");
    const otherPrescriber = await createMember(other);
    const existing = await createCandidate({ email: `deja.${Date.now()}@mail.test`, firstName: "Hélène", lastName: "Le Gall" });
    await createApplication({
      candidateId: existing.id,
      sender: otherPrescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      profile: { firstName: "Hélène", lastName: "Le Gall", phone: "01 11 11 11 11" },
    });

    const before = await prisma.candidate.count();
    const otherEmployer = await createOrganization("EMPLOYER");
    const id = applicationIdOf(
      await sendApplication(
        s.prescriber.ctx,
        // Same person, typed differently: case, accents and spacing do not matter.
        newCandidate({
          firstName: "HELENE",
          lastName: "le  gall",
          email: existing.email!.toUpperCase(),
          phone: "07 00 00 00 00",
          employerOrganizationId: otherEmployer.id,
        }),
        { baseUrl: BASE_URL },
      ),
    );
    expect(await prisma.candidate.count()).toBe(before);
    const application = await prisma.jobApplication.findUniqueOrThrow({ where: { id }, include: { candidateProfile: true } });
    expect(application.candidateId).toBe(existing.id);
    expect(application.candidateProfile).toMatchObject({
      organizationId: s.prescriberOrg.id,
      firstName: "HELENE",
      lastName: "le  gall",
      phone: "07 00 00 00 00",
    });
    // The other organisation's record is untouched.
    expect(
      await prisma.candidateProfile.findUniqueOrThrow({
        where: { candidateId_organizationId: { candidateId: existing.id, organizationId: other.id } },
      }),
    ).toMatchObject({
      firstName: "Hélène",
      phone: "01 11 11 11 11",
    });
  });

  it("accepts an existing candidate by id from the organisation that applied for them, by any colleague", async () => {
    const s = await scenario();
    await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "REFUSED",
    });
    const id = applicationIdOf(
      await sendApplication(
        s.colleague.ctx,
        {
          spontaneous: true,
          candidateMode: "existing",
          candidateId: s.candidate.id,
          employerOrganizationId: s.employerOrg.id,
          message: MESSAGE,
        },
        { baseUrl: BASE_URL },
      ),
    );
    const application = await prisma.jobApplication.findUniqueOrThrow({ where: { id } });
    expect(application).toMatchObject({ candidateId: s.candidate.id, senderUserId: s.colleague.user.id, status: "NEW" });
  });

  it("answers 'not found' for a candidate id this organisation never applied for, exactly as for an unknown id, and writes nothing", async () => {
    const s = await scenario();
    const other = await createOrganization("PRESCRIBER");
    const otherPrescriber = await createMember(other);
    await createApplication({ candidateId: s.candidate.id, sender: otherPrescriber.ctx, employerOrganizationId: s.employerOrg.id });
    const send = (candidateId: string) =>
      expectNothingWritten(() =>
        sendApplication(
          s.prescriber.ctx,
          { spontaneous: true, candidateMode: "existing", candidateId, employerOrganizationId: s.employerOrg.id, message: MESSAGE },
          { baseUrl: BASE_URL },
        ),
      );
    const foreign = await send(s.candidate.id);
    const unknown = await send("cand-does-not-exist");
    expect(foreign).toMatchObject({ ok: false, notFound: true });
    expect(foreign).toEqual(unknown);
  });

  it("refuses a second pending application of the same candidate to the same employer, with a clear message", async () => {
    const s = await scenario();
    const input = {
      spontaneous: true,
      candidateMode: "existing",
      candidateId: s.candidate.id,
      employerOrganizationId: s.employerOrg.id,
      message: MESSAGE,
    };
    await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "POSTPONED",
    });
    const result = await expectNothingWritten(() => sendApplication(s.colleague.ctx, input, { baseUrl: BASE_URL }));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("déjà une candidature en cours") });
    expect(result.ok === false && result.fieldErrors?.employerOrganizationId).toBeTruthy();

    // The same candidate by email is the same person: refused as well.
    const byEmail = await expectNothingWritten(() =>
      sendApplication(
        s.prescriber.ctx,
        newCandidate({ ...namesOf(s.candidate), email: s.candidate.email, employerOrganizationId: s.employerOrg.id }),
        { baseUrl: BASE_URL },
      ),
    );
    expect(byEmail).toMatchObject({ ok: false, error: expect.stringContaining("déjà une candidature en cours") });

    // Another employer is fine.
    const otherEmployer = await createOrganization("EMPLOYER");
    expect(
      (await sendApplication(s.prescriber.ctx, { ...input, employerOrganizationId: otherEmployer.id }, { baseUrl: BASE_URL })).ok,
    ).toBe(true);
  });

  it("does not refuse because of another organisation's pending application, which would reveal it", async () => {
    const s = await scenario();
    const other = await createOrganization("PRESCRIBER");
    const otherPrescriber = await createMember(other);
    await createApplication({ candidateId: s.candidate.id, sender: otherPrescriber.ctx, employerOrganizationId: s.employerOrg.id });
    const result = await sendApplication(
      s.prescriber.ctx,
      newCandidate({ ...namesOf(s.candidate), email: s.candidate.email, employerOrganizationId: s.employerOrg.id }),
      { baseUrl: BASE_URL },
    );
    expect(result.ok).toBe(true);
  });

  it("refuses invalid input with a French message beside the field, and writes nothing", async () => {
    const s = await scenario();
    const prescriberOrg = await createOrganization("PRESCRIBER");
    const valid = newCandidate({ employerOrganizationId: s.employerOrg.id });
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ["empty first name", { firstName: "  " }, "firstName", /Saisissez le prénom/],
      ["empty last name", { lastName: "" }, "lastName", /Saisissez le nom/],
      ["malformed email", { email: "pas-une-adresse" }, "email", /adresse e-mail valide/],
      ["5000-character message", { message: "a".repeat(5000) }, "message", /ne doit pas dépasser 3\s000 caractères/],
      ["too short a message", { message: "Bonjour" }, "message", /au moins 10 caractères/],
      ["201-character job title", { jobTitle: "x".repeat(201) }, "jobTitle", /ne doit pas dépasser 200 caractères/],
      // They reach e-mail subjects: no direction override, control or invisible character (issue 8).
      ["right-to-left override in the last name", { lastName: "Dupont\u202Efdp.exe" }, "lastName", /caractère non autorisé/],
      ["line break in the first name", { firstName: "Léa\nBcc: x@y.z" }, "firstName", /caractère non autorisé/],
      ["zero-width space in the job title", { jobTitle: "Agent\u200Bde tri" }, "jobTitle", /caractère non autorisé/],
      [
        "isolate in the message",
        { message: "Bonjour, voici \u2067le message\u2069 du prescripteur." },
        "message",
        /caractère non autorisé/,
      ],
      ["birth date in the future", { birthDate: "2999-01-01" }, "birthDate", /date de naissance valide/],
      ["no employer", { employerOrganizationId: "" }, "employerOrganizationId", /Choisissez un employeur/],
      ["unknown employer id", { employerOrganizationId: "org-does-not-exist" }, "employerOrganizationId", /Employeur introuvable/],
      [
        "a prescriber organisation as employer",
        { employerOrganizationId: prescriberOrg.id },
        "employerOrganizationId",
        /Employeur introuvable/,
      ],
    ];
    for (const [label, overrides, field, message] of cases) {
      const result = await expectNothingWritten(() => sendApplication(s.prescriber.ctx, { ...valid, ...overrides }, { baseUrl: BASE_URL }));
      expect(result.ok, label).toBe(false);
      if (result.ok) continue;
      expect(result.error, label).toMatch(/[éèà]|erreur|introuvable/i);
      expect(result.fieldErrors?.[field as keyof typeof result.fieldErrors], label).toMatch(message);
    }
  });

  it("refuses an employer organisation as sender, and writes nothing", async () => {
    const s = await scenario();
    await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "REFUSED",
    });
    const result = await expectNothingWritten(() =>
      sendApplication(s.employer.ctx, newCandidate({ employerOrganizationId: s.employerOrg.id }), { baseUrl: BASE_URL }),
    );
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/réservée aux organisations prescriptrices/) });
  });

  it("lets two simultaneous sends with the same new email end up on one candidate", async () => {
    const s = await scenario();
    const otherEmployer = await createOrganization("EMPLOYER");
    const email = `course.${Date.now()}@mail.test`;
    const [a, b] = await Promise.all([
      sendApplication(s.prescriber.ctx, newCandidate({ lastName: "Course", email, employerOrganizationId: s.employerOrg.id }), {
        baseUrl: BASE_URL,
      }),
      sendApplication(s.colleague.ctx, newCandidate({ lastName: "Course", email, employerOrganizationId: otherEmployer.id }), {
        baseUrl: BASE_URL,
      }),
    ]);
    const ids = [applicationIdOf(a), applicationIdOf(b)];
    const applications = await prisma.jobApplication.findMany({ where: { id: { in: ids } } });
    expect(new Set(applications.map((x) => x.candidateId)).size).toBe(1);
    expect(await prisma.candidate.count({ where: { email } })).toBe(1);
    // Colleagues share their organisation's one record of the person.
    expect(await prisma.candidateProfile.count({ where: { candidate: { email } } })).toBe(1);
  });

  it("lets only one of two simultaneous identical sends through", async () => {
    const s = await scenario();
    await createApplication({
      candidateId: s.candidate.id,
      sender: s.prescriber.ctx,
      employerOrganizationId: s.employerOrg.id,
      status: "REFUSED",
    });
    const input = {
      spontaneous: true,
      candidateMode: "existing",
      candidateId: s.candidate.id,
      employerOrganizationId: s.employerOrg.id,
      message: MESSAGE,
    };
    const results = await Promise.all([
      sendApplication(s.prescriber.ctx, input, { baseUrl: BASE_URL }),
      sendApplication(s.colleague.ctx, input, { baseUrl: BASE_URL }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await prisma.jobApplication.count({ where: { candidateId: s.candidate.id, status: "NEW" } })).toBe(1);
  });
});
