import { describe, expect, it } from "vitest";
import { signInSchema } from "./validation";

const messageFor = (email: unknown) => signInSchema.safeParse({ email }).error?.issues[0]?.message;

describe("the sign-in form's messages", () => {
  it.each([
    ["an empty field", "", "Saisissez votre adresse e-mail."],
    ["spaces only", "   ", "Saisissez votre adresse e-mail."],
    // What the server action reads when the field never reached it (FormData.get → null).
    ["a missing field", null, "Saisissez votre adresse e-mail."],
    ["a field never registered", undefined, "Saisissez votre adresse e-mail."],
    ["not an address", "pas-une-adresse", "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr."],
    ["a too long address", `${"a".repeat(250)}@x.fr`, "Cette adresse e-mail est trop longue."],
  ])("answers %s in French, ending with exactly one full stop", (_case, email, expected) => {
    const message = messageFor(email);
    expect(message).toBe(expected);
    expect(message).toMatch(/[^.\s]\.$/);
  });
});
