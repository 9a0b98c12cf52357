/**
 * French typography in the source: a non-breaking space before « : », « ; », « ? » and « ! », and
 * inside « », so that no line of a screen or an e-mail starts with a lone sign (or ends with a
 * lone «). Finds every breakable one in the string literals and JSX texts of the code; `--fix`
 * rewrites them, as `&nbsp;` in JSX and `\u00a0` in strings. `scripts/french-spacing.test.ts` keeps
 * the code free of them: `npx tsx scripts/french-spacing.ts --fix` is the remedy it names.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";

export interface BreakableSpace {
  file: string;
  line: number;
  text: string;
}

/** The code that may hold French text; the generated client and this file's own patterns aside. */
export function sourceFiles(cwd = process.cwd()): string[] {
  return execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts", "*.tsx"], { cwd, encoding: "utf8" })
    .split("\n")
    .filter((file) => file && !file.startsWith("lib/generated/") && !file.startsWith("scripts/french-spacing"));
}

// A sign after a plain space, then what ends a word of text (a space, the end of the literal, a
// quote, a bracket, an escape…): never the " :not(" of a CSS selector or the " ?x" of a pattern.
const BEFORE_SIGN = / (?=[:;?!](?:[\s"'`»)\]}<{$&\\]|$))/g;
const AFTER_OPENING = /« /g;
const BEFORE_CLOSING = / »/g;

function fixText(raw: string, nbsp: string): string {
  return raw.replace(BEFORE_SIGN, nbsp).replace(AFTER_OPENING, `«${nbsp}`).replace(BEFORE_CLOSING, `${nbsp}»`);
}

/** The literals of one file with a breakable space, and the file rewritten without them. */
export function checkFile(file: string, source: string): { found: BreakableSpace[]; fixed: string } {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    const isText =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    if (isText) {
      // A JSX text's own leading spaces count as trivia for getStart(): « {label} : » starts at its pos.
      const start = ts.isJsxText(node) ? node.pos : node.getStart(sourceFile);
      const raw = source.slice(start, node.getEnd());
      // JSX texts and attribute values read HTML entities, not JavaScript escapes.
      const jsx = ts.isJsxText(node) || (ts.isStringLiteral(node) && ts.isJsxAttribute(node.parent));
      const text = fixText(raw, jsx ? "&nbsp;" : "\\u00a0");
      if (text !== raw) edits.push({ start, end: node.getEnd(), text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  let fixed = source;
  for (const edit of [...edits].reverse()) fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
  const found = edits.map((edit) => ({
    file,
    line: sourceFile.getLineAndCharacterOfPosition(edit.start).line + 1,
    text: source.slice(edit.start, edit.end).replace(/\s+/g, " ").slice(0, 80),
  }));
  return { found, fixed };
}

export function findBreakableSpaces(files = sourceFiles()): BreakableSpace[] {
  return files.flatMap((file) => checkFile(file, readFileSync(file, "utf8")).found);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fix = process.argv.includes("--fix");
  let count = 0;
  for (const file of sourceFiles()) {
    const source = readFileSync(file, "utf8");
    const { found, fixed } = checkFile(file, source);
    count += found.length;
    for (const { line, text } of found) console.log(`${file}:${line} ${text}`);
    if (fix && found.length) writeFileSync(file, fixed);
  }
  console.log(`${count} breakable space(s)${fix ? " fixed" : ""}`);
}
