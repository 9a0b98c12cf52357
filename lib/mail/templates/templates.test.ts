import { describe, expect, it } from "vitest";
import { REFUSAL_REASONS, REFUSAL_REASON_LABELS, STATUS_LABELS, type EmailKind } from "@/lib/status";
import {
  escapeHtml,
  formatFrenchDate,
  renderApplicationEmail,
  renderSignInEmail,
  type ApplicationEmailData,
  type EmailRecipient,
} from "./index";
import { toCandidateEmailData } from "./types";
import { base, contains, HTML_TAG, KINDS, nowhere, PAIRS, RECIPIENTS, URL_PRO } from "./test-fixtures";

describe.each(PAIRS)("$event → $recipient ($kind)", ({ kind, recipient }) => {
  const email = renderApplicationEmail(kind, recipient, base);

  it("renders a subject, a text and an HTML body", () => {
    expect(email.subject.trim()).not.toBe("");
    expect(email.text.trim()).not.toBe("");
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain("Suivi des candidatures");
    expect(email.html).toContain("max-width:600px");
  });

  it("names the candidate, the employer and the prescriber's organisation, and links to the url", () => {
    for (const value of ["Awa Diallo", "La Recyclerie du Nord", "France Travail Paris 18e"]) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(escapeHtml(value));
    }
    expect(email.text).toContain(URL_PRO);
    expect(email.html).toContain(`href="${URL_PRO}"`);
    expect(email.text).toContain("automatiquement");
  });

  it("mentions the candidate (professionals) or the employer (candidate) in the subject", () => {
    const expected = recipient === "candidate" ? "La Recyclerie du Nord" : "Awa Diallo";
    expect(email.subject).toContain(expected);
  });

  it("uses the link label of its recipient", () => {
    const label = recipient === "candidate" ? "Suivre mes candidatures" : "Voir la candidature";
    expect(email.text).toContain(`${label}\u00a0:\n${URL_PRO}`);
    expect(email.html).toContain(`>${label}</a>`);
  });

  it("has a plain-text version without HTML tags", () => {
    expect(email.text).not.toMatch(HTML_TAG);
  });

  // GDPR art. 14: the candidate's data was typed by their adviser; every e-mail says where to read about it.
  it(`${recipient === "candidate" ? "links" : "does not link"} to the privacy page on the service's own origin`, () => {
    const privacy = "https://suivi.example.test/donnees-personnelles";
    if (recipient === "candidate") {
      expect(email.text).toContain(`Vos données personnelles et vos droits\u00a0: ${privacy}\n`);
      expect(email.html).toContain(`href="${privacy}"`);
    } else {
      expect(email.text).not.toContain(privacy);
      expect(email.html).not.toContain(privacy);
    }
  });

  it("escapes user data in HTML and keeps it raw in text", () => {
    const evil = "<script>alert('x')</script>";
    const hostile = renderApplicationEmail(kind, recipient, {
      ...base,
      candidate: { firstName: "<b>Awa</b>", lastName: "O'Brien & Co" },
      employer: { ...base.employer, name: `Recyclerie ${evil}`, city: "<i>Lille</i>" },
      prescriberOrganization: { name: `Org ${evil}` },
      senderName: `Claire ${evil}`,
      jobTitle: evil,
      message: evil,
      answerToCandidate: evil,
      answerToPrescriber: evil,
      cancellationReason: evil,
      url: 'https://x.test/a?b=1&c="2"',
    });
    expect(hostile.html).not.toMatch(/<script|<b>|<i>/i);
    expect(hostile.html).toContain("&lt;script&gt;");
    expect(hostile.html).toContain("O&#39;Brien &amp; Co");
    expect(hostile.html).toContain('href="https://x.test/a?b=1&amp;c=&quot;2&quot;"');
    expect(hostile.text).toContain('https://x.test/a?b=1&c="2"');
    expect(hostile.subject).not.toContain("&amp;");
  });

  if (recipient === "candidate") {
    it("tells the candidate how to reach the adviser who sent it", () => {
      expect(email.text).toContain(base.senderEmail);
      expect(email.html).toContain(base.senderEmail);
    });

    it("never shows the candidate the prescriber's messages or the cancellation reason", () => {
      expect(contains(email, base.message!)).toEqual(nowhere);
      expect(contains(email, "Awa est motivée.")).toEqual(nowhere);
      expect(contains(email, base.answerToPrescriber!)).toEqual(nowhere);
      expect(contains(email, base.cancellationReason!)).toEqual(nowhere);
    });
  }
});

describe("pairs that EVENT_NOTIFICATIONS does not define", () => {
  const existing = new Set(PAIRS.map((pair) => `${pair.kind}/${pair.recipient}`));
  const missing = KINDS.flatMap((kind) =>
    RECIPIENTS.filter((recipient) => !existing.has(`${kind}/${recipient}`)).map((recipient) => ({
      kind,
      recipient,
    })),
  );

  it.each(missing)("throws for $kind → $recipient", ({ kind, recipient }) => {
    expect(() => renderApplicationEmail(kind, recipient, base)).toThrow(Error);
  });

  it("throws for unknown strings", () => {
    expect(() => renderApplicationEmail("toString" as EmailKind, "candidate", base)).toThrow();
    expect(() => renderApplicationEmail("application_refused", "admin" as EmailRecipient, base)).toThrow();
  });
});

describe.each(REFUSAL_REASONS)("refusal with reason %s", (reason) => {
  const data = { ...base, refusalReason: reason };
  const label = REFUSAL_REASON_LABELS[reason];
  const toCandidate = renderApplicationEmail("application_refused", "candidate", data);
  const toPrescriber = renderApplicationEmail("application_refused", "prescriber", data);

  it("gives the candidate the answer message only", () => {
    expect(contains(toCandidate, label)).toEqual(nowhere);
    expect(contains(toCandidate, label.toLowerCase())).toEqual(nowhere);
    expect(contains(toCandidate, reason)).toEqual(nowhere);
    expect(contains(toCandidate, base.answerToPrescriber!)).toEqual(nowhere);
    expect(toCandidate.text).toContain(base.answerToCandidate);
    expect(toCandidate.html).toContain(base.answerToCandidate);
  });

  it("gives the prescriber the reason, the answer and the private message", () => {
    expect(toPrescriber.text).toContain(`Motif de refus\u00a0: ${label}`);
    expect(toPrescriber.html).toContain(escapeHtml(label));
    expect(contains(toPrescriber, base.answerToPrescriber!)).toMatchObject({ text: true, html: true });
    expect(contains(toPrescriber, base.answerToCandidate!)).toMatchObject({ text: true, html: true });
    expect(toPrescriber.text).toContain(STATUS_LABELS.REFUSED);
  });

  it(`${reason === "OTHER" ? "shows" : "does not show"} the employer's contact details`, () => {
    const shown = reason === "OTHER";
    expect(contains(toPrescriber, "03 20 00 00 00").text).toBe(shown);
    expect(contains(toPrescriber, "contact@recyclerie.test").text).toBe(shown);
    expect(toPrescriber.html.includes('href="mailto:contact@recyclerie.test"')).toBe(shown);
    expect(toPrescriber.text.includes("contacter l'employeur")).toBe(shown);
  });
});

describe("the automatic refusal (issue 10)", () => {
  const automatic = { ...base, refusalReason: "AUTO" as const, answerToPrescriber: null, automaticRefusal: { afterWait: "2 mois" } };

  it("is the one reason the candidate's copy carries", () => {
    expect(toCandidateEmailData(automatic).automaticRefusal).toEqual({ afterWait: "2 mois" });
    // A forged field on another refusal never reaches the candidate's copy.
    expect(toCandidateEmailData({ ...automatic, refusalReason: "NOT_MOBILE" })).not.toHaveProperty("automaticRefusal");
    const forged = renderApplicationEmail("application_refused", "candidate", { ...automatic, refusalReason: "NOT_MOBILE" });
    expect(contains(forged, "Refus automatique")).toEqual(nowhere);
  });

  it("tells the candidate the employer did not answer within 2 months, and to apply elsewhere", () => {
    const email = renderApplicationEmail("application_refused", "candidate", automatic);
    expect(email.subject).toBe("Votre candidature auprès de La Recyclerie du Nord est déclinée automatiquement");
    expect(email.text).toContain("n'a pas répondu à votre candidature dans un délai de 2 mois");
    expect(email.text).toContain("Motif\u00a0: Refus automatique");
    expect(email.text).toContain("postuler auprès d'autres employeurs");
  });

  it("tells the prescriber the reason, and that the candidate is told it", () => {
    const email = renderApplicationEmail("application_refused", "prescriber", automatic);
    expect(email.text).toContain("Motif de refus\u00a0: Refus automatique");
    expect(email.text).toContain("Ce motif est communiqué au candidat");
    expect(email.text).not.toContain("n'est pas communiqué");
  });
});

describe("refusal details", () => {
  it("invites the prescriber to contact the employer for OTHER even without contact details", () => {
    const email = renderApplicationEmail("application_refused", "prescriber", {
      ...base,
      refusalReason: "OTHER",
      employer: { name: "La Recyclerie du Nord", contactEmail: null, contactPhone: " " },
    });
    expect(email.text).toContain("contacter l'employeur");
    expect(email.text).not.toContain("Téléphone");
  });

  it("omits the private message block when there is none", () => {
    const email = renderApplicationEmail("application_refused", "prescriber", {
      ...base,
      answerToPrescriber: "  ",
    });
    expect(email.text).not.toContain("Message privé");
  });
});

describe("hiring dates", () => {
  it.each(["candidate", "prescriber"] as const)("are given to the %s in French", (recipient) => {
    const email = renderApplicationEmail("application_accepted", recipient, base);
    for (const value of ["lundi 7 décembre 2026", "mercredi 30 juin 2027"]) {
      expect(email.text).toContain(value);
      expect(email.html).toContain(value);
    }
  });

  it("leave out the end date when there is none", () => {
    const email = renderApplicationEmail("application_accepted", "prescriber", {
      ...base,
      hiringEndDate: null,
    });
    expect(email.text).toContain("Début du contrat\u00a0: lundi 7 décembre 2026");
    expect(email.text).not.toContain("Fin du contrat");
  });

  it("are formatted in UTC, with 1er for the first day", () => {
    expect(formatFrenchDate(new Date("2026-12-01T00:00:00.000Z"))).toBe("mardi 1er décembre 2026");
    expect(formatFrenchDate(new Date("2027-01-31T00:00:00.000Z"))).toBe("dimanche 31 janvier 2027");
  });
});

describe("other content rules", () => {
  it("names the exact status labels", () => {
    const render = (kind: EmailKind, recipient: EmailRecipient) => renderApplicationEmail(kind, recipient, base).text;
    expect(render("application_postponed", "prescriber")).toContain(STATUS_LABELS.POSTPONED);
    expect(render("application_postponed", "prescriber")).toContain(base.answerToCandidate);
    expect(render("application_postponed", "candidate")).toContain(base.answerToCandidate);
    expect(render("application_accepted", "prescriber")).toContain(STATUS_LABELS.ACCEPTED);
    expect(render("hire_cancelled", "candidate")).toContain(STATUS_LABELS.CANCELLED);
    expect(render("hired_elsewhere", "prescriber")).toContain(STATUS_LABELS.OBSOLETE);
    expect(render("hired_elsewhere", "employerTeam")).toContain(STATUS_LABELS.OBSOLETE);
  });

  it("gives the prescriber the cancellation reason", () => {
    const email = renderApplicationEmail("hire_cancelled", "prescriber", base);
    expect(email.text).toContain(base.cancellationReason);
  });

  it("tells the prescriber to pass every decision on when the candidate gave no e-mail address", () => {
    const noAddress = { ...base, candidateHasEmail: false };
    for (const kind of ["application_postponed", "application_accepted", "application_refused"] as const) {
      const email = renderApplicationEmail(kind, "prescriber", noAddress);
      expect(email.text, kind).not.toContain("Réponse envoyée au candidat");
      expect(email.text, kind).toContain("Awa Diallo n'a pas donné d'adresse e-mail\u00a0: aucun message ne lui a été envoyé.");
      expect(email.text, kind).toContain("Réponse de l'employeur au candidat");
      expect(email.text, kind).toContain(base.answerToCandidate);
      // With an address, the prescriber reads what was sent.
      expect(renderApplicationEmail(kind, "prescriber", base).text, kind).toContain("Réponse envoyée au candidat");
    }
    const cancelled = renderApplicationEmail("hire_cancelled", "prescriber", noAddress).text;
    expect(cancelled).toContain("Merci de l'informer de cette décision.");
    expect(renderApplicationEmail("hire_cancelled", "prescriber", base).text).not.toContain("Merci de l'informer");
    expect(toCandidateEmailData(noAddress)).not.toHaveProperty("candidateHasEmail");
  });

  it("writes «\u00a0de\u00a0» and «\u00a0à\u00a0» before names as French does", () => {
    const jardins = { ...base, candidate: { firstName: "Inès", lastName: "Benali" }, employer: { name: "Les Jardins Solidaires" } };
    expect(renderApplicationEmail("application_sent", "prescriber", jardins).subject).toBe(
      "Candidature d'Inès Benali envoyée aux Jardins Solidaires",
    );
    expect(renderApplicationEmail("application_confirmation", "candidate", jardins).subject).toBe(
      "Votre candidature a été envoyée aux Jardins Solidaires",
    );
    expect(renderApplicationEmail("hired_elsewhere", "prescriber", jardins).text).toContain("Sa candidature auprès des Jardins Solidaires");
    expect(renderApplicationEmail("application_refused", "candidate", jardins).subject).toBe(
      "Réponse des Jardins Solidaires à votre candidature",
    );
  });

  it("shows the application message to the employer team, keeping its line breaks", () => {
    const email = renderApplicationEmail("application_received", "employerTeam", base);
    expect(email.subject).toBe("Nouvelle candidature d'Awa Diallo");
    expect(email.html).toContain("Awa est motivée.<br>Disponible dès lundi.");
    expect(email.text).toContain("    Awa est motivée.\n    Disponible dès lundi.");
  });

  it("renders without any optional field", () => {
    const minimal: ApplicationEmailData = {
      candidate: base.candidate,
      employer: { name: base.employer.name },
      prescriberOrganization: base.prescriberOrganization,
      senderName: base.senderName,
      // An adviser who has left, from an organisation without a contact address (lib/people.ts adviserContactEmail).
      senderEmail: null,
      url: URL_PRO,
    };
    for (const { kind, recipient } of PAIRS) {
      const email = renderApplicationEmail(kind, recipient, minimal);
      expect(email.text).toContain("Awa Diallo");
      expect(email.text).not.toMatch(/undefined|null/);
      expect(email.html).not.toMatch(/undefined|null/);
    }
  });
});

describe("sign-in email", () => {
  const url = "https://suivi.example.test/connexion/confirmer?token=abc&email=a%40b.test";
  const email = renderSignInEmail({ url });

  it("carries the magic link, its validity and the safety notice", () => {
    expect(email.subject).toContain("connexion");
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${escapeHtml(url)}"`);
    expect(email.text).toContain("valable 30 minutes et ne sert qu'une fois");
    expect(email.text).toContain("Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail");
    expect(email.text).not.toMatch(HTML_TAG);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });
});

describe("the candidate's copy of the data", () => {
  it("carries neither the refusal reason nor the private message, even at run time", () => {
    const data = toCandidateEmailData({ ...base, refusalReason: "NOT_MOBILE", answerToPrescriber: "privé" });
    expect(Object.keys(data)).not.toContain("refusalReason");
    expect(Object.keys(data)).not.toContain("answerToPrescriber");
    expect(JSON.stringify(data)).not.toContain("privé");
    // @ts-expect-error a candidate template cannot read the refusal reason (DESIGN §6)
    expect(data.refusalReason).toBeUndefined();
  });
});
