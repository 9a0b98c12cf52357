/**
 * The page-level part of `npm run bench` (issue 12): the production build, served by
 * `scripts/start.ts start` on the scale database with BENCH_PAGES=1, each screen loaded with
 * autocannon at 1 and 10 connections, next to the floor (/bench/floor: the app's layout, the
 * session, a 20-row table). Sessions are rows written straight into the database.
 *
 * Targets (issue 12), for the biggest and the median organisations alike: p50 ≤ 1.3 × the floor's
 * (1 connection), req/s ≥ 0.85 × the floor's (10 connections), deep page 200 ≤ 1.2 × page 1, a
 * decision ≤ the floor + 6 ms p50.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_USERS, type ScaleOrganizations } from "../prisma/scale-seed";

const DIST_DIR = ".next-bench";
const port = Number(process.env.BENCH_PORT ?? 3400);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const base = `http://127.0.0.1:${port}`;

const P50_FACTOR = 1.3;
const RPS_FACTOR = 0.85;
const DEEP_FACTOR = 1.2;
const DECISION_EXTRA_MS = 6;
// Enough NEW applications for every request of the decision measure (warm-up, 1 and 10 connections).
const DECISION_POOL = 20_000;

interface Point {
  p50: number;
  p975: number;
  rps: number;
  bytes: number;
  errors: number;
  requests: number;
}
interface Measure {
  name: string;
  one: Point;
  ten: Point;
  /** The server's CPU time (user + system, all its threads) per request at 10 connections; null off Linux. */
  cpuMs: number | null;
}

/** The CPU time a process has used, in ms, from /proc (Linux); null elsewhere. */
function cpuTimeMs(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 (utime, stime), in clock ticks of 1/100 s, after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** `npm run build` into .next-bench; Next adds its types folder to tsconfig.json, which is put back. */
async function build(env: NodeJS.ProcessEnv) {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await run("nice", ["npm", "run", "build"], env);
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
}

async function waitUntilUp(server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the bench server stopped");
    const ok = await fetch(`${base}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the bench server did not answer within 2 minutes");
}

/** The id of an exported server action, from the build's manifest of server references. */
function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && (!entry.filename || entry.filename.includes(file))) return id;
  }
  // Older manifests name no export: the client chunks call createServerReference("<id>", …, "<name>").
  const chunks = path.join(DIST_DIR, "static", "chunks");
  const pattern = new RegExp(`createServerReference\\)\\("([0-9a-f]{40,})",[^)]*?"${exportedName}"\\)`);
  for (const name of readdirSync(chunks, { recursive: true }) as string[]) {
    if (!name.endsWith(".js")) continue;
    const match = readFileSync(path.join(chunks, name), "utf8").match(pattern);
    if (match) return match[1]!;
  }
  throw new Error(`server action ${exportedName} not found in the build`);
}

async function load(
  url: string,
  cookie: string,
  connections: number,
  options: { method?: "POST"; headers?: Record<string, string>; body?: () => string } = {},
  seconds = duration,
): Promise<Point> {
  // autocannon's histogram keeps whole milliseconds: at a 3 ms floor, that alone moves a ratio by a
  // third. The percentiles come from each 2xx answer's own time, to the hundredth of a millisecond.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: options.method ?? "GET",
        headers: { cookie, ...(options.headers ?? {}) },
        ...(options.body ? { requests: [{ setupRequest: (request) => ({ ...request, body: options.body!() }) }] } : {}),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const percentile = (p: number) =>
    times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 100) / 100 : 0;
  const ok = result["2xx"];
  return {
    p50: percentile(0.5),
    p975: percentile(0.975),
    rps: result.requests.average,
    bytes: ok ? Math.round(result.throughput.total / Math.max(1, result.requests.total)) : 0,
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

/** The cursor of the list after `offset` rows (lib/applications/list.ts encodeCursor, newest first). */
const cursorOf = (row: { createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify(["date_desc", row.createdAt.toISOString(), row.id])).toString("base64url");

export async function benchPages(databaseUrl: string, orgs: ScaleOrganizations): Promise<boolean> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    APP_URL: base,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    BENCH_PAGES: "1",
    RESEND_API_KEY: "",
    RESEND_BASE_URL: "",
  };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("\nBuilding the production app into .next-bench…");
    await build(serverEnv);
  }

  // One session per bench account, straight into the database.
  const cookies: Record<keyof typeof BENCH_USERS, string> = {} as never;
  for (const [who, email] of Object.entries(BENCH_USERS) as [keyof typeof BENCH_USERS, string][]) {
    const token = randomBytes(32).toString("hex");
    await db.query(
      `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") SELECT $1, id, now() + interval '1 day', now() FROM "User" WHERE email = $2`,
      [token, email],
    );
    cookies[who] = `authjs.session-token=${token}`;
  }

  const server = spawn(
    "nice",
    [process.execPath, "--import", "tsx", "scripts/start.ts", "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: serverEnv,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const measures: Measure[] = [];
  let failed = false;
  try {
    await waitUntilUp(server);
    const measure = async (name: string, url: string, cookie: string, options: Parameters<typeof load>[3] = {}) => {
      await load(url, cookie, 2, options, Math.min(2, duration)).catch(() => null); // warm-up
      const one = await load(url, cookie, 1, options);
      const cpuBefore = cpuTimeMs(server.pid);
      const ten = await load(url, cookie, 10, options);
      const cpuAfter = cpuTimeMs(server.pid);
      const cpuMs = cpuBefore === null || cpuAfter === null || !ten.requests ? null : (cpuAfter - cpuBefore) / ten.requests;
      measures.push({ name, one, ten, cpuMs });
      if (one.errors || ten.errors) {
        failed = true;
        console.log(`${name}: ${one.errors + ten.errors} error(s) or non-2xx answers (${url})`);
      }
      return { one, ten };
    };

    const floor = await measure("floor (/bench/floor)", `${base}/bench/floor`, cookies.employer);
    const processId = actionId("processAction", "decision-actions");

    for (const size of ["biggest", "median"] as const) {
      const employerOrg = size === "biggest" ? orgs.employer : orgs.medianEmployer;
      const prescriberOrg = size === "biggest" ? orgs.prescriber : orgs.medianPrescriber;
      const employerCookie = size === "biggest" ? cookies.employer : cookies.medianEmployer;
      const prescriberCookie = size === "biggest" ? cookies.prescriber : cookies.medianPrescriber;
      const counts = await db.query<{ side: string; n: string }>(
        `SELECT side, sum(count) AS n FROM "ApplicationCount" WHERE ("organizationId" = $1 AND side = 'EMPLOYER') OR ("organizationId" = $2 AND side = 'PRESCRIBER') GROUP BY side`,
        [employerOrg, prescriberOrg],
      );
      console.log(
        `\n${size} organisations: ${counts.rows.map((row) => `${row.side.toLowerCase()} ${Number(row.n).toLocaleString("en")} applications`).join(", ")}`,
      );

      for (const [side, org, cookie, listPath] of [
        ["employer", employerOrg, employerCookie, "/employer/applications"],
        ["prescriber", prescriberOrg, prescriberCookie, "/prescriber/applications"],
      ] as const) {
        const column = side === "employer" ? `"employerOrganizationId"` : `"senderOrganizationId"`;
        const active = side === "employer" ? `AND a."archivedAt" IS NULL` : "";
        const newest = await db.query<{ id: string; createdAt: Date; lastName: string }>(
          `SELECT a.id, a."createdAt", p."lastName" FROM "JobApplication" a
           JOIN "CandidateProfile" p ON p."candidateId" = a."candidateId" AND p."organizationId" = a."senderOrganizationId"
           WHERE a.${column} = $1 ${active} ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1`,
          [org],
        );
        const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "JobApplication" a WHERE a.${column} = $1 ${active}`, [org]);
        // The last row of page 199, or as deep as this organisation's list goes.
        const deepOffset = Math.max(0, Math.min(199 * 20 - 1, Number(total.rows[0]!.n) - 21));
        const deep = await db.query<{ id: string; createdAt: Date }>(
          `SELECT a.id, a."createdAt" FROM "JobApplication" a WHERE a.${column} = $1 ${active} ORDER BY a."createdAt" DESC, a.id DESC OFFSET $2 LIMIT 1`,
          [org, deepOffset],
        );
        const deepPage = Math.floor(deepOffset / 20) + 2;
        await measure(`${size} ${side}: dashboard`, `${base}/dashboard`, cookie);
        const first = await measure(`${size} ${side}: list`, `${base}${listPath}`, cookie);
        await measure(`${size} ${side}: list, status NEW`, `${base}${listPath}?status=NEW`, cookie);
        await measure(
          `${size} ${side}: list, name`,
          `${base}${listPath}?candidate=${encodeURIComponent(newest.rows[0]!.lastName)}`,
          cookie,
        );
        const deepOne = await measure(
          `${size} ${side}: list, page ${deepPage}`,
          `${base}${listPath}?after=${cursorOf(deep.rows[0]!)}`,
          cookie,
        );
        if (deepOne.one.p50 > first.one.p50 * DEEP_FACTOR) {
          failed = true;
          console.log(`${size} ${side}: page ${deepPage} p50 ${deepOne.one.p50} ms > ${DEEP_FACTOR} × page 1 (${first.one.p50} ms)`);
        }
        if (side === "employer") await measure(`${size} employer: application page`, `${base}/applications/${newest.rows[0]!.id}`, cookie);
      }

      // The candidate's status page, through a link made for one of the prescriber's candidates.
      const token = randomBytes(32).toString("base64url");
      await db.query(
        `INSERT INTO "CandidateLink" (id, "tokenHash", "candidateId", "expiresAt")
         SELECT $1, $2, "candidateId", now() + interval '1 day' FROM "JobApplication" WHERE "senderOrganizationId" = $3 ORDER BY "createdAt" DESC LIMIT 1`,
        [`bench-link-${size}-${randomBytes(6).toString("hex")}`, createHash("sha256").update(token).digest("hex"), prescriberOrg],
      );
      await measure(`${size}: candidate status page`, `${base}/c/${token}`, "");

      // A decision ("J'étudie la candidature") through its server action: each request takes the
      // next of the employer's applications, set back to NEW for the bench (the trigger keeps counts).
      // A median employer has a few hundred applications, fewer than the requests: temporary copies
      // of its own applications (same candidates and senders, NEW) fill the pool, and are deleted
      // after the measure, so that every request is a real decision, never a stale answer.
      await db.query(`DELETE FROM "JobApplication" WHERE id LIKE 'bench-pool-%'`);
      await db.query(
        `WITH src AS (SELECT *, row_number() OVER (ORDER BY "createdAt", id) AS rn FROM "JobApplication" WHERE "employerOrganizationId" = $1),
              n AS (SELECT count(*) AS c FROM src)
         INSERT INTO "JobApplication" (id, "candidateId", "senderUserId", "senderOrganizationId", "employerOrganizationId", "jobTitle", message, status, "createdAt", "updatedAt", "statusChangedAt", spontaneous)
         SELECT 'bench-pool-' || g, src."candidateId", src."senderUserId", src."senderOrganizationId", src."employerOrganizationId", src."jobTitle", src.message, 'NEW', now() - g * interval '1 second', now(), now(), src.spontaneous
         FROM generate_series(1, GREATEST(0, $2 - (SELECT c FROM n))) AS g JOIN src ON src.rn = 1 + g % (SELECT c FROM n)`,
        [employerOrg, DECISION_POOL],
      );
      const pool = await db.query<{ id: string }>(
        `UPDATE "JobApplication" SET status = 'NEW', "handlerId" = NULL, "archivedAt" = NULL
         WHERE id IN (SELECT id FROM "JobApplication" WHERE "employerOrganizationId" = $1 ORDER BY "createdAt" DESC LIMIT $2) RETURNING id`,
        [employerOrg, DECISION_POOL],
      );
      await db.query(`ANALYZE "JobApplication"`);
      let next = 0;
      const ids = pool.rows.map((row) => row.id);
      const decision = await measure(`${size} employer: decision (server action)`, `${base}/applications/${ids[0]}`, employerCookie, {
        method: "POST",
        headers: { "next-action": processId, "content-type": "text/plain;charset=UTF-8", origin: base, accept: "text/x-component" },
        body: () => JSON.stringify([{ applicationId: ids[next++ % ids.length], status: "NEW" }]),
      });
      if (decision.one.p50 > floor.one.p50 + DECISION_EXTRA_MS) {
        failed = true;
        console.log(
          `${size}: decision p50 ${decision.one.p50} ms > floor + ${DECISION_EXTRA_MS} ms (${(floor.one.p50 + DECISION_EXTRA_MS).toFixed(2)} ms)`,
        );
      }
      if (next > ids.length)
        console.log(`${size}: the decision ran out of NEW applications (${ids.length}): later requests were stale answers`);
      await db.query(`DELETE FROM "JobApplication" WHERE id LIKE 'bench-pool-%'`);
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await db.end();
  }

  const floor = measures[0]!;
  const cpu = (ms: number | null) => (ms === null ? "—" : ms.toFixed(2));
  console.log(
    `\n${"page".padEnd(52)} ${"p50".padStart(6)} ${"p97.5".padStart(6)} ${"req/s 1".padStart(8)} ${"req/s 10".padStart(9)} ${"p50@10".padStart(7)} ${"bytes".padStart(8)} ${"× p50".padStart(6)} ${"× req/s".padStart(8)} ${"cpu ms".padStart(7)} ${"× cpu".padStart(6)}`,
  );
  for (const m of measures) {
    const latencyRatio = m.one.p50 / floor.one.p50;
    const throughputRatio = m.ten.rps / Math.max(1, floor.ten.rps);
    const miss = m !== floor && (latencyRatio > P50_FACTOR || throughputRatio < RPS_FACTOR);
    failed ||= miss;
    console.log(
      `${m.name.padEnd(52)} ${m.one.p50.toFixed(1).padStart(6)} ${m.one.p975.toFixed(1).padStart(6)} ${m.one.rps.toFixed(0).padStart(8)} ${m.ten.rps.toFixed(0).padStart(9)} ${m.ten.p50.toFixed(1).padStart(7)} ${String(m.one.bytes).padStart(8)} ${latencyRatio.toFixed(2).padStart(6)} ${throughputRatio.toFixed(2).padStart(8)} ${cpu(m.cpuMs).padStart(7)} ${(m.cpuMs && floor.cpuMs ? (m.cpuMs / floor.cpuMs).toFixed(2) : "—").padStart(6)}${miss ? "  ← over target" : ""}`,
    );
  }
  console.log(`(latency in ms at 1 connection; targets: × p50 ≤ ${P50_FACTOR}, × req/s at 10 ≥ ${RPS_FACTOR}; ${duration} s per point)`);
  // Less noisy than latency and throughput on a shared machine: what each page costs the server.
  console.log("(cpu ms: the server's CPU time per request at 10 connections, all its threads; not a target)");
  return failed;
}
