/**
 * What the authorization matrix must cover, read from the file tree (not from a list someone keeps):
 * every page and route handler under app/, and every exported function of every 'use server' file.
 * Used by e2e/authorization-matrix.spec.ts (routes, over HTTP) and test/authorization-matrix.test.ts
 * (actions, against the database); both fail on a route or action without a row, or a stale row.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "..");
// Not the app's code: dependencies, builds, generated clients, the tests themselves.
const SKIPPED_DIRECTORIES = new Set(["node_modules", "generated", "e2e", "test", "tests", "public"]);

function walk(directory: string, keep: (file: string) => boolean, found: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full, keep, found);
    } else if (keep(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

/**
 * Every URL pattern of the App Router: "/applications/[id]" for app/(pro)/applications/[id]/page.tsx.
 * Route groups "(pro)" and parallel-route slots "@x" are not part of the URL; private folders "_x" are not routes.
 */
export function discoverRoutes(root = ROOT): string[] {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const files = walk(path.join(root, "app"), (name) => /^(page\.(tsx|ts|jsx|js|mdx)|route\.(ts|js|tsx))$/.test(name));
  const routes = new Set<string>();
  for (const file of files) {
    const segments = relative(file).split("/").slice(1, -1);
    if (segments.some((segment) => segment.startsWith("_"))) continue;
    const urlSegments = segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
    routes.add(`/${urlSegments.join("/")}`);
  }
  return [...routes].sort();
}

function isUseServerFile(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports as values (types and interfaces are erased: they are not actions). */
function exportedValueNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      names.push(isDefault ? "default" : (statement.name?.text ?? "default"));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    }
  }
  return names;
}

/** Inline server actions ("use server" as a function's first statement): they would escape the matrix. */
function inlineServerActions(source: ts.SourceFile, relative: (file: string) => string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body as ts.Node)) {
      const first = (node.body as ts.Block).statements[0];
      if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server") {
        found.push(`${relative(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export interface DiscoveredActions {
  /** "lib/applications/decision-actions.ts#processAction" */
  actions: string[];
  /** Places that define a server action inside a function, which the matrix cannot name. */
  inline: string[];
}

export function discoverServerActions(root = ROOT): DiscoveredActions {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const actions: string[] = [];
  const inline: string[] = [];
  for (const file of walk(
    root,
    (name) => /\.(ts|tsx|js|jsx|mjs)$/.test(name) && !/\.(test|spec)\.[jt]sx?$/.test(name) && !name.endsWith(".d.ts"),
  )) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("use server")) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    if (isUseServerFile(source)) {
      for (const name of exportedValueNames(source)) actions.push(`${relative(file)}#${name}`);
    } else {
      inline.push(...inlineServerActions(source, relative));
    }
  }
  return { actions: actions.sort(), inline: inline.sort() };
}

/** What the file tree has and the matrix lacks (missing), and what the matrix names that no longer exists (stale). */
export function compareWithMatrix(discovered: readonly string[], rows: readonly string[]): { missing: string[]; stale: string[] } {
  return {
    missing: discovered.filter((key) => !rows.includes(key)),
    stale: rows.filter((key) => !discovered.includes(key)),
  };
}
