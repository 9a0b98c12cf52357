import { describe, expect, it } from "vitest";
import {
  MESSAGE_MAX_LENGTH,
  acceptSchema,
  cancelSchema,
  earliestHiringStartDate,
  postponeSchema,
  refuseSchema,
  todayInFrance,
} from "@/lib/applications/decision-validation";

const ref = { applicationId: "app_1", status: "PROCESSING" };
const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("dates", () => {
  it("today is the French calendar day", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(todayInFrance(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(earliestHiringStartDate(new Date("2026-03-31T10:00:00Z"))).toBe("2026-03-01");
  });
});

describe("acceptSchema", () => {
  it("needs a start date, at most 30 days in the past, and an end date after it", () => {
    expect(messagesOf(acceptSchema.safeParse({ ...ref, hiringStartDate: "" }))).toEqual({
      hiringStartDate: "Saisissez la date de début du contrat.",
    });
    expect(messagesOf(acceptSchema.safeParse({ ...ref, hiringStartDate: "2026-02-30" }))).toEqual({
      hiringStartDate: "Saisissez une date valide, au format JJ/MM/AAAA.",
    });
    const tooOld = new Date(Date.parse(`${earliestHiringStartDate()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(messagesOf(acceptSchema.safeParse({ ...ref, hiringStartDate: tooOld }))).toEqual({
      hiringStartDate: "La date de début du contrat ne peut pas être passée de plus de 30 jours.",
    });
    expect(acceptSchema.safeParse({ ...ref, hiringStartDate: earliestHiringStartDate() }).success).toBe(true);
    expect(messagesOf(acceptSchema.safeParse({ ...ref, hiringStartDate: "2099-05-01", hiringEndDate: "2099-13-01" }))).toEqual({
      hiringEndDate: "Saisissez une date valide, au format JJ/MM/AAAA.",
    });
    expect(messagesOf(acceptSchema.safeParse({ ...ref, hiringStartDate: "2099-05-01", hiringEndDate: "2099-05-01" }))).toEqual({
      hiringEndDate: "La date de fin du contrat doit être postérieure à la date de début.",
    });
  });

  it("defaults the optional fields to empty strings", () => {
    expect(acceptSchema.parse({ ...ref, hiringStartDate: "2099-05-01" })).toEqual({
      ...ref,
      hiringStartDate: "2099-05-01",
      hiringEndDate: "",
      answerToCandidate: "",
      // Issue 13: no « Poste retenu ».
      hiredJobId: "",
    });
  });

  it("rejects an unknown status: the seen status is part of the request", () => {
    expect(acceptSchema.safeParse({ applicationId: "a", status: "HIRED", hiringStartDate: "2099-05-01" }).success).toBe(false);
  });
});

describe("refuseSchema", () => {
  it("needs a reason from the list and an answer to the candidate; the private message is optional", () => {
    expect(messagesOf(refuseSchema.safeParse({ ...ref, refusalReason: "", answerToCandidate: "  " }))).toEqual({
      refusalReason: "Choisissez le motif du refus.",
      answerToCandidate: "Saisissez la réponse au candidat.",
    });
    expect(refuseSchema.parse({ ...ref, refusalReason: "OTHER", answerToCandidate: " Merci " })).toMatchObject({
      answerToCandidate: "Merci",
      answerToPrescriber: "",
    });
  });

  it("bounds every message", () => {
    const long = "x".repeat(MESSAGE_MAX_LENGTH + 1);
    const result = refuseSchema.safeParse({ ...ref, refusalReason: "OTHER", answerToCandidate: long, answerToPrescriber: long });
    expect(Object.keys(messagesOf(result)).sort()).toEqual(["answerToCandidate", "answerToPrescriber"]);
    expect(postponeSchema.safeParse({ ...ref, answerToCandidate: long }).success).toBe(false);
    expect(cancelSchema.safeParse({ ...ref, status: "ACCEPTED", cancellationReason: long }).success).toBe(false);
  });
});
