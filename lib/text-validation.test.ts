import { describe, expect, it } from "vitest";
import { sendApplicationSchema } from "@/lib/applications/send-validation";
import { refuseSchema, cancelSchema } from "@/lib/applications/decision-validation";
import { MULTI_LINE_ERROR, SINGLE_LINE_ERROR } from "@/lib/text-validation";

const validSend = {
  spontaneous: true,
  candidateMode: "new",
  firstName: "Léa",
  lastName: "Durand",
  employerOrganizationId: "org-1",
  jobTitle: "Agent de tri",
  message: "Bonjour,\nje vous propose cette candidature.\r\n\tMerci.",
};
const validRefusal = {
  applicationId: "app-1",
  status: "NEW",
  refusalReason: "OTHER",
  answerToCandidate: "Bonjour,\nmerci.\n\tCordialement",
};

// Each class of character the issue names, hidden inside an ordinary word.
const FORBIDDEN: [string, string][] = [
  ["NUL (C0)", "\u0000"],
  ["escape (C0)", "\u001B"],
  ["DEL", "\u007F"],
  ["next line (C1)", "\u0085"],
  ["CSI (C1)", "\u009B"],
  ["left-to-right embedding", "\u202A"],
  ["right-to-left embedding", "\u202B"],
  ["pop directional formatting", "\u202C"],
  ["left-to-right override", "\u202D"],
  ["right-to-left override", "\u202E"],
  ["left-to-right isolate", "\u2066"],
  ["right-to-left isolate", "\u2067"],
  ["first strong isolate", "\u2068"],
  ["pop directional isolate", "\u2069"],
  ["right-to-left mark", "\u200F"],
  ["arabic letter mark", "\u061C"],
  ["zero-width space", "\u200B"],
  ["word joiner", "\u2060"],
  ["byte order mark", "\uFEFF"],
];
const LINE_BREAKS: [string, string][] = [
  ["line feed", "\n"],
  ["carriage return", "\r"],
  ["tab", "\t"],
  ["line separator", "\u2028"],
  ["paragraph separator", "\u2029"],
];

const firstError = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  result.error?.issues.find((issue) => issue.path[0] === field)?.message;

describe("single-line text (names, job titles: they reach e-mail subjects)", () => {
  it.each([...FORBIDDEN, ...LINE_BREAKS])("refuses a %s with a French message", (_label, char) => {
    for (const field of ["firstName", "lastName", "jobTitle"]) {
      const result = sendApplicationSchema.safeParse({ ...validSend, [field]: `Du${char}pont` });
      expect(result.success, field).toBe(false);
      expect(firstError(result, field), field).toBe(SINGLE_LINE_ERROR);
    }
  });

  it("accepts real names: accents, apostrophes, hyphens, other scripts, and ZWJ/ZWNJ which some scripts need", () => {
    for (const name of ["Chloé", "N'Diaye", "Le Gall-Moreau", "Nguyễn", "محمد", "مهر\u200Cنوش", "Ἀλέξανδρος"]) {
      expect(sendApplicationSchema.safeParse({ ...validSend, firstName: name }).success, name).toBe(true);
    }
  });
});

describe("multi-line text (messages)", () => {
  it.each(FORBIDDEN)("refuses a %s in a message, in the send form and in the decisions", (_label, char) => {
    const sent = sendApplicationSchema.safeParse({ ...validSend, message: `Bonjour, voici${char} le message.` });
    expect(firstError(sent, "message")).toBe(MULTI_LINE_ERROR);
    const refused = refuseSchema.safeParse({ ...validRefusal, answerToPrescriber: `Pri${char}vé` });
    expect(firstError(refused, "answerToPrescriber")).toBe(MULTI_LINE_ERROR);
    expect(firstError(refuseSchema.safeParse({ ...validRefusal, answerToCandidate: `Bon${char}jour` }), "answerToCandidate")).toBe(
      MULTI_LINE_ERROR,
    );
    expect(
      firstError(
        cancelSchema.safeParse({ applicationId: "app-1", status: "ACCEPTED", cancellationReason: `Ab${char}sent` }),
        "cancellationReason",
      ),
    ).toBe(MULTI_LINE_ERROR);
  });

  it("keeps line breaks and tabs in messages", () => {
    expect(sendApplicationSchema.safeParse(validSend).success).toBe(true);
    expect(refuseSchema.safeParse(validRefusal).success).toBe(true);
  });
});
