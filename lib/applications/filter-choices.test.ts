/** Issue 12: the people and organisation filters of both lists, as a select or a search, scoped to the organisation's own choices. */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { readFilterChoices, searchFilterChoices } from "@/lib/applications/filter-choices";
import { searchFilterChoicesAction } from "@/lib/applications/filter-choice-actions";
import { FILTER_SEARCH_LIMIT, FILTER_SELECT_MAX_CHOICES } from "@/lib/applications/filter-choice-validation";
import { createApplication, createCandidate, createMember, createOrganization, createSession } from "@/test/fixtures";

// The action runs as a signed-in user, by a real session: only the request's cookies are replaced.
const session = vi.hoisted(() => ({ token: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "authjs.session-token" && session.token ? { name, value: session.token } : undefined),
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));
afterEach(() => {
  session.token = null;
});

/** A word no other test's rows contain. */
const tag = () => `t${randomUUID().slice(0, 8)}`;
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/** `count` prescriber organisations (named by `name(i)`) that each sent one application to `employer`. */
async function prescribersSendingTo(employer: { id: string }, count: number, name: (i: number) => string) {
  const candidate = await createCandidate();
  const organisations = [];
  for (let i = 0; i < count; i++) {
    const organisation = await createOrganization("PRESCRIBER", { name: name(i) });
    const adviser = await createMember(organisation);
    await createApplication({ candidateId: candidate.id, sender: adviser.ctx, employerOrganizationId: employer.id });
    organisations.push(organisation);
  }
  return organisations;
}

/** Two employers and two prescriber organisations, each pair with look-alike names, sending crosswise only where said. */
async function twoNetworks() {
  const word = tag();
  const [employerA, employerB] = [
    await createOrganization("EMPLOYER", { name: `Recyclerie ${word} Nord`, city: "Roubaix" }),
    await createOrganization("EMPLOYER", { name: `Recyclerie ${word} Sud`, city: "Marseille" }),
  ];
  const [prescriberA, prescriberB] = [
    await createOrganization("PRESCRIBER", { name: `Mission locale ${word} Lille` }),
    await createOrganization("PRESCRIBER", { name: `Mission locale ${word} Lyon` }),
  ];
  const adviserA = await createMember(prescriberA, "MEMBER", { firstName: "Élodie", lastName: `Garnier${word}` });
  const adviserB = await createMember(prescriberB, "MEMBER", { firstName: "Élodie", lastName: `Garnier${word}b` });
  const teamA = await createMember(employerA, "ADMIN", { firstName: "Nadia", lastName: `Benali${word}` });
  const teamB = await createMember(employerB, "ADMIN", { firstName: "Nadia", lastName: `Benali${word}b` });
  const candidate = await createCandidate();
  // A applies to employer A only, B to employer B only.
  const fromA = await createApplication({ candidateId: candidate.id, sender: adviserA.ctx, employerOrganizationId: employerA.id });
  const fromB = await createApplication({ candidateId: candidate.id, sender: adviserB.ctx, employerOrganizationId: employerB.id });
  await prisma.jobApplication.update({ where: { id: fromA.id }, data: { handlerId: teamA.user.id } });
  await prisma.jobApplication.update({ where: { id: fromB.id }, data: { handlerId: teamB.user.id } });
  return { word, employerA, employerB, prescriberA, prescriberB, adviserA, adviserB, teamA, teamB };
}

describe("readFilterChoices", () => {
  it(`is a select up to ${FILTER_SELECT_MAX_CHOICES} choices, then names only the current choice, and only one of the organisation's own`, async () => {
    const employer = await createOrganization("EMPLOYER");
    const member = await createMember(employer);
    const word = tag();
    // Nobody has sent yet: an empty select, not a search field.
    expect(await readFilterChoices(member.ctx, "prescriberOrganization")).toEqual({ mode: "select", options: [] });
    const sent = await prescribersSendingTo(employer, FILTER_SELECT_MAX_CHOICES, (i) => `Agence ${word} ${String(i).padStart(2, "0")}`);

    const select = await readFilterChoices(member.ctx, "prescriberOrganization", sent[3]!.id);
    expect(select).toEqual({ mode: "select", options: sent.map((o) => ({ id: o.id, label: o.name })) });

    // One more: the page stops listing them.
    const [last] = await prescribersSendingTo(employer, 1, () => `Agence ${word} 99`);
    expect(await readFilterChoices(member.ctx, "prescriberOrganization", sent[3]!.id)).toEqual({
      mode: "search",
      selected: { id: sent[3]!.id, label: sent[3]!.name },
    });
    expect(await readFilterChoices(member.ctx, "prescriberOrganization")).toEqual({ mode: "search", selected: null });
    expect(last).toBeDefined();

    // An organisation that never sent to this employer is not named, even by its id in the URL.
    const stranger = await createOrganization("PRESCRIBER", { name: `Agence ${word} étrangère` });
    expect(await readFilterChoices(member.ctx, "prescriberOrganization", stranger.id)).toEqual({ mode: "search", selected: null });
  });

  it("offers nothing of the other side's filters", async () => {
    const s = await twoNetworks();
    expect(await readFilterChoices(s.teamA.ctx, "employer")).toEqual({ mode: "select", options: [] });
    expect(await readFilterChoices(s.teamA.ctx, "sender")).toEqual({ mode: "select", options: [] });
    expect(await readFilterChoices(s.adviserA.ctx, "prescriberOrganization")).toEqual({ mode: "select", options: [] });
    expect(await readFilterChoices(s.adviserA.ctx, "handler")).toEqual({ mode: "select", options: [] });
  });
});

describe("searchFilterChoices", () => {
  it("finds only the organisation's own partners and people, never another organisation's look-alikes", async () => {
    const s = await twoNetworks();
    // Employer A: the prescriber organisation that sent to it, not B's namesake.
    expect(await searchFilterChoices(s.teamA.ctx, "prescriberOrganization", `mission ${s.word}`)).toEqual([
      { id: s.prescriberA.id, label: s.prescriberA.name },
    ]);
    // Its own team, not employer B's Nadia.
    expect(ids(await searchFilterChoices(s.teamA.ctx, "handler", `nadia benali${s.word}`))).toEqual([s.teamA.user.id]);
    // Prescriber A: the employer it applied to (labelled with its city), not employer B.
    expect(await searchFilterChoices(s.adviserA.ctx, "employer", `recyclerie ${s.word}`)).toEqual([
      { id: s.employerA.id, label: `${s.employerA.name} (Roubaix)` },
    ]);
    // Its own colleague, not B's Élodie.
    expect(ids(await searchFilterChoices(s.adviserA.ctx, "sender", `garnier${s.word}`))).toEqual([s.adviserA.user.id]);
    // The other side's filters find nothing, whatever matches.
    expect(await searchFilterChoices(s.teamA.ctx, "employer", `recyclerie ${s.word}`)).toEqual([]);
    expect(await searchFilterChoices(s.adviserA.ctx, "prescriberOrganization", `mission ${s.word}`)).toEqual([]);
  });

  it("keeps a member who left among the senders, and a former handler among the team, while nobody else's people come back", async () => {
    const s = await twoNetworks();
    await prisma.membership.updateMany({ where: { userId: s.adviserA.user.id }, data: { isActive: false } });
    await prisma.membership.updateMany({ where: { userId: s.teamA.user.id }, data: { isActive: false } });
    const colleague = await createMember(s.prescriberA, "MEMBER", { lastName: `Garnier${s.word}c` });
    expect(ids(await searchFilterChoices(colleague.ctx, "sender", `garnier${s.word}`)).sort()).toEqual(
      [s.adviserA.user.id, colleague.user.id].sort(),
    );
    const newcomer = await createMember(s.employerA, "MEMBER", { lastName: `Benali${s.word}n` });
    expect(ids(await searchFilterChoices(newcomer.ctx, "handler", `benali${s.word}`)).sort()).toEqual(
      [s.teamA.user.id, newcomer.user.id].sort(),
    );
  });

  it("matches every word in the name (employers: or city; colleagues: or e-mail), case and accents aside, wildcards literally", async () => {
    const s = await twoNetworks();
    const findSender = async (query: string) => ids(await searchFilterChoices(s.adviserA.ctx, "sender", query));
    expect(await findSender(`ÉLODIE GARNIER${s.word.toUpperCase()}`)).toEqual([s.adviserA.user.id]);
    expect(await findSender(`élodie garnier${s.word}`)).toEqual([s.adviserA.user.id]);
    // Typed without its accent, as the candidate-name search (lib/applications/name-search.ts).
    expect(await findSender(`elodie garnier${s.word}`)).toEqual([s.adviserA.user.id]);
    expect(await findSender(`${s.adviserA.user.email.split("@")[0]}`)).toEqual([s.adviserA.user.id]);
    expect(await findSender(`élodie absent${s.word}`)).toEqual([]);
    expect(ids(await searchFilterChoices(s.adviserA.ctx, "employer", `roubaix ${s.word}`))).toEqual([s.employerA.id]);
    // % and _ are letters to look for, not "anything".
    expect(await searchFilterChoices(s.teamA.ctx, "prescriberOrganization", "%%")).toEqual([]);
    expect(await searchFilterChoices(s.teamA.ctx, "prescriberOrganization", "__")).toEqual([]);
  });

  it(`answers at most ${FILTER_SEARCH_LIMIT} choices, in name order`, async () => {
    const employer = await createOrganization("EMPLOYER");
    const member = await createMember(employer);
    const word = tag();
    const sent = await prescribersSendingTo(employer, FILTER_SEARCH_LIMIT + 5, (i) => `Agence ${word} ${String(99 - i).padStart(2, "0")}`);
    const found = await searchFilterChoices(member.ctx, "prescriberOrganization", `agence ${word}`);
    const byName = [...sent].sort((a, b) => a.name.localeCompare(b.name)).slice(0, FILTER_SEARCH_LIMIT);
    expect(found).toEqual(byName.map((o) => ({ id: o.id, label: o.name })));
  });
});

describe("searchFilterChoicesAction", () => {
  it("answers the signed-in member's own choices, and a French message for a short query or the other side's filter", async () => {
    const s = await twoNetworks();
    session.token = await createSession(s.teamA.user);
    expect(await searchFilterChoicesAction({ filter: "prescriberOrganization", query: `mission ${s.word}` })).toEqual({
      ok: true,
      results: [{ id: s.prescriberA.id, label: s.prescriberA.name }],
    });
    expect(await searchFilterChoicesAction({ filter: "prescriberOrganization", query: " m " })).toEqual({
      ok: false,
      error: "Saisissez au moins 2 caractères.",
    });
    expect(await searchFilterChoicesAction({ filter: "employer", query: `recyclerie ${s.word}` })).toEqual({
      ok: false,
      error: "Ce filtre n'est pas proposé à votre organisation.",
    });
    expect(await searchFilterChoicesAction({ filter: "candidate", query: "abc" })).toMatchObject({
      ok: false,
      error: "Ce filtre n'existe pas.",
    });

    session.token = await createSession(s.adviserB.user);
    expect(await searchFilterChoicesAction({ filter: "employer", query: `recyclerie ${s.word}` })).toEqual({
      ok: true,
      results: [{ id: s.employerB.id, label: `${s.employerB.name} (Marseille)` }],
    });
  });
});
