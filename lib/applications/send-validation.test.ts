import { describe, expect, it } from "vitest";
import { pickJobsMessage, sendApplicationSchema } from "@/lib/applications/send-validation";

describe("what the job picker says when nothing is picked", () => {
  // The schema's own message, for a form complete but for the job: none, and not spontaneous.
  const form = {
    candidateMode: "new",
    firstName: "Awa",
    lastName: "Diallo",
    employerOrganizationId: "employer-id",
    message: "Bonjour, Awa est disponible tout de suite.",
  };
  const nothingPicked = sendApplicationSchema
    .safeParse({ ...form, jobIds: [], spontaneous: false })
    .error!.issues.find((issue) => issue.path[0] === "jobIds")!.message;

  it("offers «\u00a0Candidature spontanée\u00a0» only where the employer takes them", () => {
    expect(pickJobsMessage(nothingPicked, true)).toBe(nothingPicked);
    expect(nothingPicked).toContain("Candidature spontanée");
    expect(pickJobsMessage(nothingPicked, false)).toBe("Choisissez un ou plusieurs postes ouverts.");
  });

  it("leaves every other message as it is", () => {
    const both = "Choisissez un ou plusieurs postes, ou «\u00a0Candidature spontanée\u00a0», mais pas les deux.";
    expect(pickJobsMessage(both, false)).toBe(both);
    expect(pickJobsMessage(undefined, false)).toBeUndefined();
  });
});
