/**
 * "Commentaires internes" (issue 10 item 6): the employer team writes and reads them; the author
 * alone deletes; the prescriber side, the candidate page and the e-mails never carry them.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { addApplicationNote, deleteApplicationNote, listApplicationNotes } from "@/lib/applications/notes";
import { addNoteSchema, NOTE_MAX_LENGTH } from "@/lib/applications/note-validation";
import { getApplicationForMember } from "@/lib/applications/detail";
import { listApplications } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { getCandidateStatus } from "@/lib/candidate-status";
import { createCandidateLink } from "@/lib/candidate-links";
import { fire } from "@/lib/applications/transitions-test-utils";
import { createApplication, createMember, createOrganization, createScenario } from "@/test/fixtures";

vi.hoisted(() => vi.stubEnv("RESEND_API_KEY", ""));

async function annotated() {
  const s = await createScenario();
  const colleague = await createMember(s.employerOrg);
  const app = await createApplication({ candidateId: s.candidate.id, sender: s.prescriber.ctx, employerOrganizationId: s.employerOrg.id });
  const body = `Rappeler jeudi, piste sérieuse ${Date.now().toString(36)}`;
  expect(await addApplicationNote(s.employer.ctx, { applicationId: app.id, body })).toEqual({ ok: true });
  return { ...s, colleague, app, body };
}

describe("team notes", () => {
  it("are read by the whole employer team with author and date; only the author may delete", async () => {
    const s = await annotated();
    const seenByColleague = await listApplicationNotes(s.colleague.ctx, s.app.id);
    expect(seenByColleague).toHaveLength(1);
    expect(seenByColleague[0]).toMatchObject({ body: s.body, mine: false, author: { id: s.employer.user.id } });
    expect(seenByColleague[0]!.createdAt).toBeInstanceOf(Date);
    expect((await listApplicationNotes(s.employer.ctx, s.app.id))[0]!.mine).toBe(true);

    const noteId = seenByColleague[0]!.id;
    expect(await deleteApplicationNote(s.colleague.ctx, { noteId })).toEqual({ error: "not_found" });
    expect(await prisma.applicationNote.count({ where: { id: noteId } })).toBe(1);
    expect(await deleteApplicationNote(s.employer.ctx, { noteId })).toEqual({ ok: true, applicationId: s.app.id });
    expect(await listApplicationNotes(s.colleague.ctx, s.app.id)).toEqual([]);
  });

  it("refuse anyone outside the receiving team: prescribers, another employer, a former member", async () => {
    const s = await annotated();
    const otherEmployer = await createMember(await createOrganization("EMPLOYER"));
    const former = await createMember(s.employerOrg);
    await prisma.membership.updateMany({ where: { userId: former.user.id }, data: { isActive: false } });
    const noteId = (await prisma.applicationNote.findFirstOrThrow({ where: { applicationId: s.app.id } })).id;

    for (const ctx of [s.prescriber.ctx, otherEmployer.ctx, former.ctx]) {
      expect(await listApplicationNotes(ctx, s.app.id)).toEqual([]);
      expect(await addApplicationNote(ctx, { applicationId: s.app.id, body: "Intrusion" })).toEqual({ error: "not_found" });
      expect(await deleteApplicationNote(ctx, { noteId })).toEqual({ error: "not_found" });
    }
    // The author who left the team can no longer delete it either.
    await prisma.membership.updateMany({ where: { userId: s.employer.user.id }, data: { isActive: false } });
    expect(await deleteApplicationNote(s.employer.ctx, { noteId })).toEqual({ error: "not_found" });
    expect(await prisma.applicationNote.count({ where: { applicationId: s.app.id } })).toBe(1);
  });

  it("never reach the prescriber's reads, the candidate page or any e-mail", async () => {
    const s = await annotated();
    // A decision after the note: its e-mails go to the prescriber and the candidate.
    expect(await fire("refuse", s.employer.ctx, s.app.id, "NEW")).toMatchObject({ ok: true });
    const emails = await prisma.outboxEmail.findMany({ where: { applicationId: s.app.id } });
    expect(emails.length).toBeGreaterThan(0);
    expect(JSON.stringify(emails)).not.toContain(s.body);

    const prescriberReads = JSON.stringify({
      detail: await getApplicationForMember(s.prescriber.ctx, s.app.id),
      list: await listApplications(s.prescriber.ctx, parseListFilters({})),
    });
    expect(prescriberReads).toContain(s.app.id);
    expect(prescriberReads).not.toContain(s.body);

    const token = await createCandidateLink(prisma, s.candidate.id);
    const candidatePage = await getCandidateStatus(token);
    expect(candidatePage?.applications).toHaveLength(1);
    expect(JSON.stringify(candidatePage)).not.toContain(s.body);
  });

  it("take 1 to 2,000 characters, without invisible characters", () => {
    const parse = (body: string) => addNoteSchema.safeParse({ applicationId: "app", body });
    expect(parse("x".repeat(NOTE_MAX_LENGTH)).success).toBe(true);
    expect(parse("x".repeat(NOTE_MAX_LENGTH + 1)).error?.issues[0]?.message).toBe(
      "Ce commentaire est trop long (2000 caractères au maximum).",
    );
    expect(parse("   ").error?.issues[0]?.message).toBe("Saisissez le commentaire.");
    expect(parse("Dupont\u202Eevil").success).toBe(false);
    expect(parse("Deux lignes\net une tabulation\t.").success).toBe(true);
  });
});
