/**
 * Issue 8, item 7: two organisations apply for the same person (same e-mail) and each types its
 * own names, phone and birth date. Every read a prescriber has shows its own organisation's
 * record only; the employer reads what each application's sender typed; a typed e-mail whose
 * names do not match is refused without a word about the record; "embauché ailleurs" still
 * reaches every pending application of the person.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { sendApplication } from "@/lib/applications/send";
import { listApplications } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { csvCells, iterateExportBatches } from "@/lib/applications/export";
import { exportColumnsFor } from "@/lib/applications/export-columns";
import { getApplicationForMember } from "@/lib/applications/detail";
import { getOrganizationCandidate, searchOrganizationCandidates } from "@/lib/applications/candidates";
import { getSentApplicationSummary } from "@/lib/applications/prescriber";
import { getCandidateStatus } from "@/lib/candidate-status";
import { fire } from "@/lib/applications/transitions-test-utils";
import { createMember, createOrganization } from "@/test/fixtures";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

const BASE_URL = "https://suivi.test";
const MESSAGE = "Bonjour, je vous propose cette candidature\u00a0: personne motivée et disponible.";

async function twoOrganisationsOnePerson() {
  const ft = await createOrganization("PRESCRIBER", { type: "FT" });
  const ml = await createOrganization("PRESCRIBER", { type: "ML" });
  const ftAdviser = await createMember(ft);
  const mlAdviser = await createMember(ml);
  const employerOrg = await createOrganization("EMPLOYER");
  const employer = await createMember(employerOrg, "ADMIN");
  const otherEmployerOrg = await createOrganization("EMPLOYER");
  const stamp = Date.now().toString(36);
  const email = `awa.${stamp}@mail.test`;
  // The same person as each organisation wrote her down: names equal once case and accents aside.
  const records = {
    ft: { firstName: "Awa", lastName: `Diallo${stamp}`, phone: "06 11 11 11 11", birthDate: "1991-03-04" },
    ml: { firstName: "AWÂ", lastName: `DIALLO${stamp.toUpperCase()}`, phone: "07 22 22 22 22", birthDate: "1985-12-25" },
  };
  const send = async (ctx: typeof ftAdviser.ctx, record: typeof records.ft, employerOrganizationId: string, typedEmail = email) => {
    const result = await sendApplication(
      ctx,
      { spontaneous: true, candidateMode: "new", ...record, email: typedEmail, employerOrganizationId, message: MESSAGE },
      { baseUrl: BASE_URL },
    );
    if (!result.ok) throw new Error(`send refused: ${result.error}`);
    return result.applicationId;
  };
  const ftApp = await send(ftAdviser.ctx, records.ft, employerOrg.id);
  const mlApp = await send(mlAdviser.ctx, records.ml, employerOrg.id, email.toUpperCase());
  const mlElsewhere = await send(mlAdviser.ctx, records.ml, otherEmployerOrg.id);
  const candidateId = (await prisma.jobApplication.findUniqueOrThrow({ where: { id: ftApp } })).candidateId;
  return { ft, ml, ftAdviser, mlAdviser, employerOrg, employer, email, records, ftApp, mlApp, mlElsewhere, candidateId };
}

/** Everything that the prescriber's screens and export read, as one string. */
async function everythingAPrescriberReads(
  ctx: Parameters<typeof listApplications>[0],
  candidateId: string,
  applicationId: string,
  name: string,
) {
  const rows = [];
  for await (const batch of iterateExportBatches(ctx, parseListFilters({})))
    rows.push(...batch.map((row) => csvCells(row, exportColumnsFor(ctx))));
  return JSON.stringify({
    list: await listApplications(ctx, parseListFilters({})),
    filtered: await listApplications(ctx, parseListFilters({ candidate: name })),
    search: await searchOrganizationCandidates(ctx, name),
    candidatePage: await getOrganizationCandidate(ctx, candidateId),
    confirmation: await getSentApplicationSummary(ctx, applicationId),
    detail: await getApplicationForMember(ctx, applicationId),
    csv: rows,
  });
}

const FT_TRACES = (r: { lastName: string; phone: string }) => [r.lastName, r.phone, "1991-03-04"];
const ML_TRACES = (r: { lastName: string; phone: string }) => [r.lastName, r.phone, "1985-12-25"];

describe("candidate privacy across organisations", () => {
  it("attaches both organisations to one person, each with its own record", async () => {
    const w = await twoOrganisationsOnePerson();
    const applications = await prisma.jobApplication.findMany({ where: { id: { in: [w.ftApp, w.mlApp, w.mlElsewhere] } } });
    expect(new Set(applications.map((a) => a.candidateId))).toEqual(new Set([w.candidateId]));
    const profiles = await prisma.candidateProfile.findMany({ where: { candidateId: w.candidateId }, orderBy: { phone: "asc" } });
    expect(profiles.map((p) => [p.organizationId, p.firstName, p.phone])).toEqual([
      [w.ft.id, "Awa", "06 11 11 11 11"],
      [w.ml.id, "AWÂ", "07 22 22 22 22"],
    ]);
  });

  it("shows each prescriber only what its own organisation typed: lists, search, candidate page, confirmation, detail, export", async () => {
    const w = await twoOrganisationsOnePerson();
    const ftReads = await everythingAPrescriberReads(w.ftAdviser.ctx, w.candidateId, w.ftApp, "diallo");
    for (const trace of FT_TRACES(w.records.ft)) expect(ftReads).toContain(trace);
    for (const trace of ML_TRACES(w.records.ml)) expect(ftReads).not.toContain(trace);
    expect(ftReads).not.toContain("AWÂ");

    const mlReads = await everythingAPrescriberReads(w.mlAdviser.ctx, w.candidateId, w.mlApp, "diallo");
    for (const trace of ML_TRACES(w.records.ml)) expect(mlReads).toContain(trace);
    for (const trace of FT_TRACES(w.records.ft)) expect(mlReads).not.toContain(trace);

    const page = await getOrganizationCandidate(w.mlAdviser.ctx, w.candidateId);
    expect(page).toMatchObject({ firstName: "AWÂ", phone: "07 22 22 22 22", email: w.email });
    expect(page?.applications.map((a) => a.id).sort()).toEqual([w.mlApp, w.mlElsewhere].sort());
  });

  it("shows the employer, on each application, what its sender typed", async () => {
    const w = await twoOrganisationsOnePerson();
    const ftDetail = await getApplicationForMember(w.employer.ctx, w.ftApp);
    const mlDetail = await getApplicationForMember(w.employer.ctx, w.mlApp);
    expect(ftDetail?.candidateProfile).toEqual({ firstName: "Awa", lastName: w.records.ft.lastName, phone: "06 11 11 11 11" });
    expect(mlDetail?.candidateProfile).toEqual({ firstName: "AWÂ", lastName: w.records.ml.lastName, phone: "07 22 22 22 22" });
    const { rows } = await listApplications(w.employer.ctx, parseListFilters({ candidate: w.records.ft.lastName.toLowerCase() }));
    expect(rows.map((row) => [row.id, row.candidateProfile.firstName]).sort()).toEqual(
      [
        [w.ftApp, "Awa"],
        [w.mlApp, "AWÂ"],
      ].sort(),
    );
  });

  it("writes each sender's record into its own e-mails, and greets the candidate by their latest adviser's record", async () => {
    const w = await twoOrganisationsOnePerson();
    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: { in: [w.ftApp, w.mlApp] } } });
    for (const email of emails) {
      const body = `${email.subject}${email.text}${email.html}`;
      const [own, other] = email.applicationId === w.ftApp ? [w.records.ft, w.records.ml] : [w.records.ml, w.records.ft];
      expect(body, `${email.template} → ${email.to}`).toContain(own.lastName);
      expect(body, `${email.template} → ${email.to}`).not.toContain(other.lastName);
    }
    const link = emails.find((e) => e.template === "application_confirmation")!.text.match(/\/c\/([A-Za-z0-9_-]{43})/)![1]!;
    const status = await getCandidateStatus(link);
    expect(status?.applications).toHaveLength(3);
    expect(status).toMatchObject({ firstName: "AWÂ", lastName: w.records.ml.lastName });
  });

  it("refuses an e-mail already on record under other names, revealing nothing, and writes nothing", async () => {
    const w = await twoOrganisationsOnePerson();
    const cap = await createOrganization("PRESCRIBER", { type: "CAP_EMPLOI" });
    const capAdviser = await createMember(cap);
    const counts = async () => [
      await prisma.candidate.count(),
      await prisma.candidateProfile.count(),
      await prisma.jobApplication.count(),
      await prisma.outboxEmail.count(),
    ];
    const before = await counts();
    for (const [ctx, firstName] of [
      [capAdviser.ctx, "Bob"],
      // The organisation's own record counts too: a typo in the address is caught there as well.
      [w.ftAdviser.ctx, "Aminata"],
    ] as const) {
      const result = await sendApplication(
        ctx,
        {
          spontaneous: true,
          candidateMode: "new",
          firstName,
          lastName: w.records.ft.lastName,
          email: w.email,
          employerOrganizationId: w.employerOrg.id,
          message: MESSAGE,
        },
        { baseUrl: BASE_URL },
      );
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { email: expect.stringMatching(/ne correspond pas au prénom et au nom saisis/) },
      });
      const said = JSON.stringify(result);
      for (const secret of ["Awa", "AWÂ", w.records.ml.phone, w.records.ft.phone, w.ft.name, w.ml.name]) expect(said).not.toContain(secret);
    }
    expect(await counts()).toEqual(before);
  });

  it("still marks the other organisation's pending applications «\u00a0Embauché ailleurs\u00a0» on an accept", async () => {
    const w = await twoOrganisationsOnePerson();
    const result = await fire("accept", w.employer.ctx, w.ftApp, "NEW");
    expect(result).toMatchObject({ ok: true });
    const statuses = await prisma.jobApplication.findMany({
      where: { id: { in: [w.ftApp, w.mlApp, w.mlElsewhere] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((a) => [a.id, a.status]))).toEqual({
      [w.ftApp]: "ACCEPTED",
      [w.mlApp]: "OBSOLETE",
      [w.mlElsewhere]: "OBSOLETE",
    });
    // The Mission locale hears of it with its own record of the person.
    const toMl = await prisma.outboxEmail.findFirstOrThrow({
      where: { applicationId: w.mlElsewhere, to: w.mlAdviser.user.email, template: "hired_elsewhere" },
    });
    expect(toMl.subject).toContain(w.records.ml.lastName);
  });
});
