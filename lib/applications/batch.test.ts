/**
 * Batch decisions (issue 10 item 1): each selected application is decided on its own, with the
 * status the user saw and its candidate lock; one that moved fails alone, with a sentence naming it;
 * e-mails go per application exactly as for a single decision.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { decideBatch, describeBatchResult } from "@/lib/applications/batch";
import { batchDecisionSchema, BATCH_MAX_SIZE, BATCH_TOO_LARGE } from "@/lib/applications/batch-validation";
import { BASE_URL, CANDIDATE_ANSWER, PRIVATE_MESSAGE, fire } from "@/lib/applications/transitions-test-utils";
import { DEFAULT_POSTPONE_MESSAGE, REFUSAL_REASON_LABELS, type ApplicationStatus } from "@/lib/status";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

const options = { baseUrl: BASE_URL };

/** An employer with four NEW applications, each for a different person, from one prescriber. */
async function inbox(count = 4) {
  const employerOrg = await createOrganization("EMPLOYER");
  const nadia = await createMember(employerOrg, "ADMIN");
  const thomas = await createMember(employerOrg);
  const prescriber = await createMember(await createOrganization("PRESCRIBER"));
  const apps = [];
  for (let i = 0; i < count; i++) {
    const candidate = await createCandidate({ firstName: `Prénom${i}`, lastName: `Lot${Date.now().toString(36)}${i}` });
    const app = await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
    apps.push({ ...app, name: `${candidate.firstName} ${candidate.lastName}` });
  }
  return { employerOrg, nadia, thomas, prescriber, apps };
}

const refuseBatch = (items: { id: string; status: ApplicationStatus }[]) =>
  batchDecisionSchema.parse({
    action: "refuse",
    items: items.map((item) => ({ applicationId: item.id, status: item.status })),
    refusalReason: "NO_POSITION",
    answerToCandidate: CANDIDATE_ANSWER,
    answerToPrescriber: PRIVATE_MESSAGE,
  });

describe("batch decisions", () => {
  it("decline a mixed batch while a colleague decides at the same time: the moved ones fail alone, the others are declined", async () => {
    const s = await inbox();
    const [first, accepted, contested, last] = s.apps as [(typeof s.apps)[0], (typeof s.apps)[0], (typeof s.apps)[0], (typeof s.apps)[0]];
    // Accepted by a colleague after Nadia saw the list as all "Nouvelle candidature".
    expect(await fire("accept", s.thomas.ctx, accepted.id, "NEW")).toMatchObject({ ok: true });

    // And while the batch runs, Thomas postpones one of the selected applications.
    const [batch, single] = await Promise.all([
      decideBatch(s.nadia.ctx, refuseBatch(s.apps.map((app) => ({ id: app.id, status: "NEW" }))), options),
      fire("postpone", s.thomas.ctx, contested.id, "NEW"),
    ]);

    const outcome = (id: string) => batch.outcomes.find((o) => o.applicationId === id);
    expect(outcome(first.id)).toEqual({ applicationId: first.id, ok: true });
    expect(outcome(last.id)).toEqual({ applicationId: last.id, ok: true });
    expect(outcome(accepted.id)).toEqual({
      applicationId: accepted.id,
      ok: false,
      error: "stale",
      status: "ACCEPTED",
      candidateName: accepted.name,
    });
    // Exactly one of the two concurrent decisions on the contested application won; the other was told.
    const contestedRow = await prisma.jobApplication.findUniqueOrThrow({ where: { id: contested.id } });
    if ("ok" in single) {
      expect(contestedRow.status).toBe("POSTPONED");
      expect(outcome(contested.id)).toMatchObject({ ok: false, error: "stale", status: "POSTPONED" });
    } else {
      expect(single).toEqual({ error: "stale", status: "REFUSED" });
      expect(contestedRow.status).toBe("REFUSED");
      expect(outcome(contested.id)).toMatchObject({ ok: true });
    }
    expect(
      await prisma.applicationEvent.count({ where: { applicationId: contested.id, transition: { in: ["refuse", "postpone"] } } }),
    ).toBe(1);

    // The accepted one is untouched and named in the result.
    expect((await prisma.jobApplication.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    const message = describeBatchResult("refuse", batch.outcomes);
    expect(message).toContain(`${accepted.name} (statut désormais «\u00a0Candidature acceptée\u00a0»)`);
    expect(message).toMatch(/^[23] candidatures déclinées\u00a0; [12] n/);
  });

  it("e-mails each declined application's prescriber and candidate as a single decision does; the candidate never reads the reason", async () => {
    const s = await inbox(3);
    const result = await decideBatch(s.nadia.ctx, refuseBatch(s.apps.map((app) => ({ id: app.id, status: "NEW" }))), options);
    expect(result.outcomes.every((o) => o.ok)).toBe(true);
    expect(describeBatchResult("refuse", result.outcomes)).toBe("3 candidatures déclinées.");

    for (const app of s.apps) {
      const emails = await prisma.outboxEmail.findMany({ where: { applicationId: app.id } });
      expect(emails.map((e) => e.template).sort()).toEqual(["application_refused", "application_refused"]);
      const toPrescriber = emails.find((e) => e.userId === s.prescriber.user.id)!;
      const toCandidate = emails.find((e) => e.userId === null)!;
      expect(toPrescriber.text).toContain(REFUSAL_REASON_LABELS.NO_POSITION);
      expect(toPrescriber.text).toContain(PRIVATE_MESSAGE);
      expect(toCandidate.text).toContain(CANDIDATE_ANSWER);
      expect(toCandidate.text).not.toContain(REFUSAL_REASON_LABELS.NO_POSITION);
      expect(toCandidate.text).not.toContain(PRIVATE_MESSAGE);
      const row = await prisma.jobApplication.findUniqueOrThrow({ where: { id: app.id } });
      expect(row).toMatchObject({ status: "REFUSED", refusalReason: "NO_POSITION", handlerId: s.nadia.user.id });
    }
    expect(result.emailIds).toHaveLength(6);
  });

  it("studies and postpones in batch, with the same rules as one by one", async () => {
    const s = await inbox(2);
    const items = s.apps.map((app) => ({ applicationId: app.id, status: "NEW" as const }));
    const studied = await decideBatch(s.nadia.ctx, batchDecisionSchema.parse({ action: "process", items }), options);
    expect(describeBatchResult("process", studied.outcomes)).toBe("2 candidatures mises à l'étude.");
    expect(studied.emailIds).toEqual([]);
    // Seen as NEW again (a stale screen): nothing moves, each is named.
    const again = await decideBatch(s.nadia.ctx, batchDecisionSchema.parse({ action: "process", items }), options);
    expect(again.outcomes.every((o) => !o.ok && o.error === "stale")).toBe(true);
    expect(describeBatchResult("process", again.outcomes)).toMatch(
      /^Aucune candidature mise à l'étude\u00a0; 2 n'ont pas pu l'être\u00a0: /,
    );

    const postponed = await decideBatch(
      s.nadia.ctx,
      batchDecisionSchema.parse({
        action: "postpone",
        items: items.map((item) => ({ ...item, status: "PROCESSING" })),
        answerToCandidate: DEFAULT_POSTPONE_MESSAGE,
      }),
      options,
    );
    expect(postponed.outcomes.every((o) => o.ok)).toBe(true);
    expect(await prisma.jobApplication.count({ where: { id: { in: s.apps.map((a) => a.id) }, status: "POSTPONED" } })).toBe(2);
  });

  it("takes at most one page, each application once; another employer's ids are not found and nothing is written", async () => {
    const item = (i: number) => ({ applicationId: `app-${i}`, status: "NEW" });
    const tooMany = batchDecisionSchema.safeParse({
      action: "process",
      items: Array.from({ length: BATCH_MAX_SIZE + 1 }, (_, i) => item(i)),
    });
    expect(tooMany.error?.issues[0]?.message).toBe(BATCH_TOO_LARGE);
    expect(
      batchDecisionSchema.safeParse({ action: "process", items: Array.from({ length: BATCH_MAX_SIZE }, (_, i) => item(i)) }).success,
    ).toBe(true);
    expect(batchDecisionSchema.safeParse({ action: "process", items: [item(1), item(1)] }).success).toBe(false);
    expect(batchDecisionSchema.safeParse({ action: "process", items: [] }).success).toBe(false);
    expect(batchDecisionSchema.safeParse({ action: "accept", items: [item(1)] }).success).toBe(false);

    const s = await inbox(2);
    const outsider = await createMember(await createOrganization("EMPLOYER"));
    const result = await decideBatch(outsider.ctx, refuseBatch(s.apps.map((app) => ({ id: app.id, status: "NEW" }))), options);
    expect(result.outcomes.map((o) => !o.ok && o.error)).toEqual(["not_found", "not_found"]);
    expect(await prisma.jobApplication.count({ where: { id: { in: s.apps.map((a) => a.id) }, status: "NEW" } })).toBe(2);
    expect(await prisma.outboxEmail.count({ where: { applicationId: { in: s.apps.map((a) => a.id) } } })).toBe(0);
  });

  it("archives closed applications in batch and brings them back; a pending one is named and left alone", async () => {
    const s = await inbox(3);
    const [a, b, pending] = s.apps as [(typeof s.apps)[0], (typeof s.apps)[0], (typeof s.apps)[0]];
    await decideBatch(s.nadia.ctx, refuseBatch([a, b].map((app) => ({ id: app.id, status: "NEW" }))), options);
    const items = [
      { applicationId: a.id, status: "REFUSED" },
      { applicationId: b.id, status: "REFUSED" },
      { applicationId: pending.id, status: "NEW" },
    ];
    const archived = await decideBatch(s.nadia.ctx, batchDecisionSchema.parse({ action: "archive", items }), options);
    expect(describeBatchResult("archive", archived.outcomes)).toBe(
      `2 candidatures archivées\u00a0; 1 n'a pas pu l'être\u00a0: ${pending.name} (action impossible au statut «\u00a0Nouvelle candidature\u00a0»).`,
    );
    const rows = await prisma.jobApplication.findMany({ where: { id: { in: [a.id, b.id, pending.id] } }, orderBy: { id: "asc" } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.archivedById]))).toEqual({
      [a.id]: s.nadia.user.id,
      [b.id]: s.nadia.user.id,
      [pending.id]: null,
    });
    expect(archived.emailIds).toEqual([]);

    const back = await decideBatch(s.thomas.ctx, batchDecisionSchema.parse({ action: "unarchive", items: items.slice(0, 2) }), options);
    expect(describeBatchResult("unarchive", back.outcomes)).toBe("2 candidatures désarchivées.");
    expect(await prisma.jobApplication.count({ where: { id: { in: [a.id, b.id] }, archivedAt: null } })).toBe(2);
  });
});
