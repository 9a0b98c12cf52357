// The authorization matrix notices a new route or action only if the discovery finds it: checked on a small file tree.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithMatrix, discoverRoutes, discoverServerActions } from "@/e2e/authorization-discovery";

let root: string;

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "matrix-discovery-"));
  write("app/page.tsx", "export default function Home() { return null; }");
  write("app/layout.tsx", "export default function Layout() { return null; }");
  write("app/(pro)/applications/[id]/page.tsx", "export default async function Page() { return null; }");
  write("app/(pro)/@modal/reports/page.tsx", "export default function Modal() { return null; }");
  write("app/api/health/route.ts", "export async function GET() { return new Response('ok'); }");
  write("app/_components/page.tsx", "export default function NotARoute() { return null; }");
  write(
    "lib/things/actions.ts",
    `// A comment first is allowed.
"use server";
import { z } from "zod";
export type Result = { ok: true };
export interface Shape { a: string }
export async function saveThing(input: unknown) { return input; }
export const removeThing = async (id: string) => id;
async function hidden() {}
export { hidden as renamedThing };
`,
  );
  write("lib/things/queries.ts", `export async function notAnAction() {}\nconst s = "use server";`);
  write(
    "components/inline.tsx",
    `export function Form() {
  async function act() {
    "use server";
  }
  return act;
}`,
  );
  write("node_modules/pkg/actions.ts", `"use server";\nexport async function dependency() {}`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("authorization matrix discovery", () => {
  it("lists every page and route handler as its URL: groups and slots dropped, private folders skipped", () => {
    expect(discoverRoutes(root)).toEqual(["/", "/api/health", "/applications/[id]", "/reports"]);
  });

  it("lists every exported value of every 'use server' file, and flags inline actions", () => {
    expect(discoverServerActions(root)).toEqual({
      actions: ["lib/things/actions.ts#removeThing", "lib/things/actions.ts#renamedThing", "lib/things/actions.ts#saveThing"],
      inline: ["components/inline.tsx:2"],
    });
  });

  it("names what has no row and what no longer exists", () => {
    expect(compareWithMatrix(["/a", "/b"], ["/b", "/c"])).toEqual({ missing: ["/a"], stale: ["/c"] });
  });
});
