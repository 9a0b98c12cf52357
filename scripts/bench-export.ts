/**
 * One export of the scale employer's whole list ("Candidatures reçues", every status and archive
 * view), run in its own process by `npm run bench` so that its peak RSS is the export's alone.
 * Prints one JSON line: format, bytes, wall and CPU milliseconds (the export's own process; the
 * database works in its own), RSS before the first row and peak RSS, in MB, and where the memory
 * went: the highest of each process.memoryUsage() figure, sampled every 100 ms during the export.
 */
import { performance } from "node:perf_hooks";
const format = process.argv[2] === "csv" ? "csv" : "xlsx";
// The biggest employer of the scale data (scripts/bench.ts passes it).
const employerId = process.argv[3]!;

async function main() {
  const { csvExportStream, xlsxExportStream } = await import("../lib/applications/export");
  const { parseListFilters } = await import("../lib/applications/list-filters");
  const { prisma } = await import("../lib/db");
  const scope = { organizationId: employerId, organizationKind: "EMPLOYER" as const };
  const filters = parseListFilters({ archive: "all" });
  // What the process holds before the first row (Node, tsx, the Prisma client and its query compiler).
  await prisma.jobApplication.count({ where: { employerOrganizationId: scope.organizationId } });
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  const peaks = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[key] = Math.max(peaks[key], usage[key] / 1048576);
  };
  const sampler = setInterval(sample, 100);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const stream = format === "xlsx" ? xlsxExportStream(scope, filters) : csvExportStream(scope, filters);
  let bytes = 0;
  // Read as a client would, chunk by chunk, keeping nothing.
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
  const ms = performance.now() - started;
  clearInterval(sampler);
  sample();
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ format, bytes, ms, cpuMs, baselineRssMb, peakRssMb, peakMb: peaks }));
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
