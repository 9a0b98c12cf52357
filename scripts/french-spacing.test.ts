import { describe, expect, it } from "vitest";
import { checkFile, findBreakableSpaces } from "@/scripts/french-spacing";

describe("French spacing in the code's texts", () => {
  it("no screen, e-mail or message has a breakable space before « : ; ? ! » or inside « »", () => {
    const found = findBreakableSpaces().map(({ file, line, text }) => `${file}:${line} ${text}`);
    expect(found, "run `npx tsx scripts/french-spacing.ts --fix`").toEqual([]);
  });

  it("writes &nbsp; in JSX and \\u00a0 in strings, and leaves code alone", () => {
    const source = [
      `const a = "Statut : " + name + " ?";`,
      "const b = `${count} candidatures ; ${rest} !`;",
      `const c = <p title="Une question ?">Adresse : {address} « ici »</p>;`,
      `const d = ok ? "a" : "b";`,
      `const e = "li :not(.x)"; const f = "10:15"; const g = "a ?b";`,
      `const h = <strong>{label} :</strong>; const i = <a>{label} : {count}</a>;`,
    ].join("\n");
    const { found, fixed } = checkFile("example.tsx", source);
    expect(fixed.split("\n")).toEqual([
      `const a = "Statut\\u00a0: " + name + "\\u00a0?";`,
      "const b = `${count} candidatures\\u00a0; ${rest}\\u00a0!`;",
      `const c = <p title="Une question&nbsp;?">Adresse&nbsp;: {address} «&nbsp;ici&nbsp;»</p>;`,
      `const d = ok ? "a" : "b";`,
      `const e = "li :not(.x)"; const f = "10:15"; const g = "a ?b";`,
      `const h = <strong>{label}&nbsp;:</strong>; const i = <a>{label}&nbsp;: {count}</a>;`,
    ]);
    expect(found.map((spot) => spot.line)).toEqual([1, 1, 2, 2, 3, 3, 3, 6, 6]);
  });
});
