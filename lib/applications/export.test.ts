import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import {
  csvCell,
  csvExportStream,
  csvLine,
  iterateExportBatches,
  parisWallClock,
  parseExportRequest,
  xlsxExportStream,
} from "@/lib/applications/export";
import { exportColumnsFor } from "@/lib/applications/export-columns";
import { parseListFilters } from "@/lib/applications/list-filters";
import { createApplication, createCandidate, createJob, createMember, createOrganization } from "@/test/fixtures";
import { jobLabel, SPONTANEOUS_LABEL } from "@/lib/job-descriptions/vocabulary";

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

async function readXlsx(stream: ReadableStream<Uint8Array>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(await bytesOf(stream)));
  return workbook.worksheets[0]!;
}

describe("CSV cells", () => {
  it("quotes separators, quotes and line breaks, and neutralises spreadsheet formulas", () => {
    expect(csvCell("Dupont")).toBe("Dupont");
    expect(csvCell("Agent; tri")).toBe('"Agent; tri"');
    expect(csvCell('Dit "le grand"')).toBe('"Dit ""le grand"""');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvLine(["a", "b"])).toBe("a;b\r\n");
  });

  it("writes instants as the Paris clock showed them, summer and winter", () => {
    expect(parisWallClock(new Date("2026-07-01T22:30:00Z")).toISOString()).toBe("2026-07-02T00:30:00.000Z");
    expect(parisWallClock(new Date("2026-01-15T23:10:00Z")).toISOString()).toBe("2026-01-16T00:10:00.000Z");
    // Either side of the changes of offset (kept per hour): 02:00 → 03:00 in March, 03:00 → 02:00 in October.
    expect(parisWallClock(new Date("2026-03-29T00:59:59.900Z")).toISOString()).toBe("2026-03-29T01:59:59.000Z");
    expect(parisWallClock(new Date("2026-03-29T01:00:00Z")).toISOString()).toBe("2026-03-29T03:00:00.000Z");
    expect(parisWallClock(new Date("2026-10-25T00:59:59Z")).toISOString()).toBe("2026-10-25T02:59:59.000Z");
    expect(parisWallClock(new Date("2026-10-25T01:00:00Z")).toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(parisWallClock(new Date("2026-10-25T00:30:00Z")).toISOString()).toBe("2026-10-25T02:30:00.000Z");
    // An hour with a change inside it (Paris mean time ended at 23:50:39 UTC): no shortcut there.
    expect(parisWallClock(new Date("1911-03-10T23:50:00Z")).toISOString()).toBe("1911-03-10T23:59:21.000Z");
    expect(parisWallClock(new Date("1911-03-10T23:55:00Z")).toISOString()).toBe("1911-03-10T23:55:00.000Z");
  });

  it("reads the format and the list's filters from the URL, never a page cursor", () => {
    const { filters, format } = parseExportRequest("http://x/export?format=xlsx&status=NEW&status=PROCESSING&after=abc");
    expect(format).toBe("xlsx");
    expect(filters.status).toEqual(["NEW", "PROCESSING"]);
    expect(filters.after).toBeUndefined();
    expect(parseExportRequest("http://x/export?format=pdf").format).toBe("csv");
  });
});

/** An employer with `count` applications "À traiter" from one prescriber, plus others the filter must leave out. */
async function employerWorld(count: number) {
  const prescriberOrg = await createOrganization("PRESCRIBER");
  const sender = await createMember(prescriberOrg);
  const employerOrg = await createOrganization("EMPLOYER");
  const employer = await createMember(employerOrg, "ADMIN");
  const candidate = await createCandidate({ firstName: "=HYPERLINK(1)", lastName: "Dupré" });
  const job = await createJob(employerOrg.id, { title: "Agent de tri", contractType: "CDDI", city: "Roubaix" });
  const first = await createApplication({
    candidateId: candidate.id,
    sender: sender.ctx,
    employerOrganizationId: employerOrg.id,
    jobIds: [job.id],
    hiredJobId: job.id,
    status: "ACCEPTED",
    history: {
      handlerId: employer.user.id,
      hiringStartDate: new Date("2026-03-02T00:00:00Z"),
      hiringEndDate: new Date("2026-09-01T00:00:00Z"),
    },
  });
  const base = Date.UTC(2026, 0, 1);
  const row = (i: number, status: "NEW" | "PROCESSING" | "REFUSED") => ({
    candidateId: candidate.id,
    senderUserId: sender.user.id,
    senderOrganizationId: prescriberOrg.id,
    employerOrganizationId: employerOrg.id,
    message: "Candidature",
    spontaneous: true,
    status,
    createdAt: new Date(base + i * 60_000),
  });
  await prisma.jobApplication.createMany({
    data: [
      ...Array.from({ length: count }, (_, i) => row(i, i % 2 ? "NEW" : "PROCESSING")),
      ...Array.from({ length: 30 }, (_, i) => row(count + i, "REFUSED")),
    ],
  });
  return { employer, sender, employerOrg, prescriberOrg, candidate, first, job };
}

describe("exports", () => {
  it("reads every application of the list under its filters, in its order, across batches, of this organisation only", async () => {
    const { employer, sender } = await employerWorld(7);
    const other = await createMember(await createOrganization("EMPLOYER"));
    const read = async (ctx: typeof employer.ctx, params: Record<string, string | string[]>, size = 3) => {
      const rows = [];
      for await (const batch of iterateExportBatches(ctx, parseListFilters(params), size)) rows.push(...batch);
      return rows;
    };
    const toProcess = await read(employer.ctx, { status: ["NEW", "PROCESSING"] });
    expect(toProcess).toHaveLength(7);
    expect(toProcess.map((r) => r.createdAt.getTime())).toEqual(toProcess.map((r) => r.createdAt.getTime()).sort((a, b) => b - a));
    const oldestFirst = await read(employer.ctx, { status: ["NEW", "PROCESSING"], sort: "date_asc" });
    expect(oldestFirst.map((r) => r.id)).toEqual(toProcess.map((r) => r.id).reverse());
    expect(await read(employer.ctx, {}, 4)).toHaveLength(38);
    expect(await read(sender.ctx, {})).toHaveLength(38);
    expect(await read(other.ctx, {})).toHaveLength(0);
  });

  it("gives each side only its columns", () => {
    const headers = (kind: "EMPLOYER" | "PRESCRIBER") =>
      exportColumnsFor({ organizationId: "x", organizationKind: kind }).map((column) => column.header);
    expect(headers("EMPLOYER")).toContain("Organisation prescriptrice");
    expect(headers("EMPLOYER")).toContain("Archivée");
    expect(headers("EMPLOYER")).not.toContain("Employeur");
    expect(headers("PRESCRIBER")).toContain("Employeur");
    expect(headers("PRESCRIBER")).not.toContain("Archivée");
    expect(headers("PRESCRIBER")).not.toContain("Organisation prescriptrice");
  });

  it("writes a real XLSX: 200 filtered rows come back as 200 rows, dates as dates, frozen header, autofilter", async () => {
    const { employer, prescriberOrg } = await employerWorld(200);
    const sheet = await readXlsx(xlsxExportStream(employer.ctx, parseListFilters({ status: ["NEW", "PROCESSING"] })));
    expect(sheet.rowCount).toBe(201);
    const header = sheet.getRow(1).values as unknown[];
    const column = (name: string) => header.indexOf(name);
    expect(column("Date d'envoi")).toBeGreaterThan(0);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(column("Candidat")).width).toBeGreaterThan(10);
    const dates = [];
    for (let index = 2; index <= 201; index++) {
      const row = sheet.getRow(index);
      const sent = row.getCell(column("Date d'envoi")).value;
      expect(sent).toBeInstanceOf(Date);
      dates.push(sent as Date);
      expect(row.getCell(column("Organisation prescriptrice")).value).toBe(prescriberOrg.name);
      // A name that looks like a formula is text in the file, never a formula.
      expect(row.getCell(column("Candidat")).value).toBe("=HYPERLINK(1) Dupré");
    }
    // Newest first, and 2026-01-01 00:00 UTC read as 01:00 in Paris.
    expect(dates[199]!.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(sheet.getRow(2).getCell(column("Date d'envoi")).numFmt).toBe("dd/mm/yyyy hh:mm");
  });

  it("types hiring dates as dates in the XLSX", async () => {
    const { sender } = await employerWorld(0);
    const sheet = await readXlsx(xlsxExportStream(sender.ctx, parseListFilters({ status: "ACCEPTED" })));
    expect(sheet.rowCount).toBe(2);
    const header = sheet.getRow(1).values as unknown[];
    const start = sheet.getRow(2).getCell(header.indexOf("Début du contrat")).value;
    expect(start).toEqual(new Date("2026-03-02T00:00:00Z"));
  });

  it("writes CSV in UTF-8 with a BOM, ';' separators and formula-safe cells", async () => {
    const { sender, employerOrg, job } = await employerWorld(3);
    const bytes = await bytesOf(csvExportStream(sender.ctx, parseListFilters({ status: ["NEW", "PROCESSING", "ACCEPTED"] })));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "Candidat;E-mail du candidat;Téléphone du candidat;Employeur;Ville de l'employeur;Postes;Envoyée par;Date d'envoi;Statut;Prise en charge par;Poste retenu;Début du contrat;Fin du contrat;Motif de refus",
    );
    // The jobs applied for and the job hired for (issue 13); applications without jobs are spontaneous.
    const accepted = lines.find((line) => line.includes(";02/03/2026;"))!;
    expect(accepted).toContain(`;${jobLabel(job)};`);
    expect(accepted.split(";").filter((cell) => cell === jobLabel(job))).toHaveLength(2);
    expect(lines.filter((line) => line.includes(`;${SPONTANEOUS_LABEL};`))).toHaveLength(3);
    expect(lines[1]!.split(";")[0]).toBe("'=HYPERLINK(1) Dupré");
    expect(lines[1]).toContain(`;${employerOrg.name};Lille;`);
    expect(text).toContain(";02/03/2026;01/09/2026;");
    expect(lines[3]).toMatch(/;01\/01\/2026 01:0\d;/);
  });
});
