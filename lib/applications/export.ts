import "server-only";
import { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { redirect } from "next/navigation";
import { queryRowsDirect } from "@/lib/db";
import { isOnSide, type AccessScope } from "@/lib/access";
import { getCurrentMember, getSignedInUser } from "@/lib/auth/guards";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import { ROUTES } from "@/lib/routes";
import { listBatchIds } from "@/lib/applications/list";
import { parseListFilters, type ListFilters } from "@/lib/applications/list-filters";
import { exportColumnsFor, exportRowsQuery, type ExportColumn, type ExportRow, type ExportValue } from "@/lib/applications/export-columns";

/**
 * The exports of both lists (issue 14): every application under the list's filters, in the list's
 * order, read in keyset batches and written as they come, so that memory stays flat whatever the
 * number of rows (no cap). XLSX through exceljs's streaming writer; CSV for French spreadsheets.
 */

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_BATCH_SIZE = 500;

/**
 * The list's applications under its filters and in its order, batch by batch (never OFFSET): the
 * list's keyset query picks each batch's ids (its scope and filters, lib/access.ts), then one SQL
 * query reads their columns, straight from the driver (lib/db.ts, queryRowsDirect: Prisma's copies
 * of 200,000 rows were most of the export's memory).
 */
export async function* iterateExportBatches(
  scope: AccessScope,
  filters: ListFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRow[]> {
  let last: ExportRow | null = null;
  for (;;) {
    const ids = await listBatchIds(scope, filters, last && sortRowOf(last), batchSize);
    if (ids.length === 0) return;
    const rows = await queryRowsDirect<ExportRow>(exportRowsQuery(ids));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const batch: ExportRow[] = ids.flatMap((id) => byId.get(id) ?? []);
    yield batch;
    if (ids.length < batchSize || batch.length === 0) return;
    last = batch[batch.length - 1]!;
  }
}

/** The values of the list's sort keys, from a row read by the export's own query. */
const sortRowOf = (row: ExportRow) => ({
  id: row.id,
  createdAt: row.createdAt,
  status: row.status,
  candidateProfile: { firstName: row.candidateFirstName, lastName: row.candidateLastName },
});

// ——— Cells ———

const PARIS_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const HOUR_MS = 3_600_000;
/** Paris's offset from UTC in each UTC hour met so far (by hour number since 1970). */
const parisOffsets = new Map<number, number>();

/**
 * The instant as the clock in Paris showed it, written as UTC: spreadsheets have no time zones and
 * exceljs writes a Date's UTC fields, so this is how "sent at 00:30" stays 00:30 for a French reader.
 * To the second, as the formatter gives it.
 */
export function parisWallClock(instant: Date): Date {
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  const hour = Math.floor(seconds / HOUR_MS);
  let offset = parisOffsets.get(hour);
  if (offset === undefined) {
    // The formatter is most of a row's cost: its answer is kept per hour, unless the hour holds a change of offset.
    const start = hour * HOUR_MS;
    const atStart = formattedParisClock(start) - start;
    const atEnd = formattedParisClock(start + HOUR_MS - 1000) - (start + HOUR_MS - 1000);
    if (atStart !== atEnd) return new Date(formattedParisClock(seconds));
    if (parisOffsets.size >= 10_000) parisOffsets.clear();
    parisOffsets.set(hour, (offset = atStart));
  }
  return new Date(seconds + offset);
}

/** The Paris clock at this instant (ms since 1970, whole seconds), as milliseconds of a UTC date. */
function formattedParisClock(time: number): number {
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(time).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const pad = (value: number) => String(value).padStart(2, "0");

function csvText(value: ExportValue, column: ExportColumn): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  const date = column.type === "datetime" ? parisWallClock(value) : value;
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  return column.type === "datetime" ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/**
 * One CSV cell, for French spreadsheets (";" separated). A leading =, +, - or @ is neutralised:
 * a candidate named "=HYPERLINK(…)" must stay text when the file is opened.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(";")}\r\n`;
}

/** A row's CSV cells under these columns. */
export function csvCells(row: ExportRow, columns: readonly ExportColumn[]): string[] {
  return columns.map((column) => csvText(column.value(row), column));
}

function xlsxValue(value: ExportValue, column: ExportColumn): ExcelJS.CellValue {
  if (value instanceof Date) return column.type === "datetime" ? parisWallClock(value) : value;
  return value;
}

const NUMBER_FORMATS: Record<ExportColumn["type"], string | undefined> = {
  text: undefined,
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
};

/**
 * One style object per column, given to each of its cells: exceljs looks a cell's style up by the
 * object first, and otherwise renders it to XML to find its number, for every cell (that was half
 * of what an XLSX export allocated). Never mutated.
 */
const columnStyle = (column: ExportColumn): Partial<ExcelJS.Style> => {
  const numFmt = NUMBER_FORMATS[column.type];
  return numFmt ? { numFmt } : {};
};

// ——— Streams ———

/**
 * A Node writable feeding a web ReadableStream, with backpressure both ways: a write is
 * acknowledged only while the reader (the HTTP response) wants more, and `ready()` lets the
 * producer wait for it before it reads the next batch.
 */
function webStreamBridge(onCancel: () => void) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  // Closed or failed: what the writer still flushes (exceljs's zip) goes nowhere instead of throwing.
  let ended = false;
  let heldCallback: (() => void) | null = null;
  let readyWaiters: (() => void)[] = [];
  const release = () => {
    const callback = heldCallback;
    heldCallback = null;
    callback?.();
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const readable = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull: release,
      cancel() {
        cancelled = true;
        onCancel();
        release();
      },
    },
    { highWaterMark: 16 },
  );
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // The download was abandoned, or the file ended: let the writer finish into nothing.
      if (cancelled || ended) return callback();
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((controller.desiredSize ?? 0) > 0) callback();
      else heldCallback = callback;
    },
  });
  return {
    readable,
    writable,
    close: () => {
      ended = true;
      controller.close();
      release();
    },
    fail: (error: unknown) => {
      ended = true;
      controller.error(error);
      release();
    },
    ready: () => (heldCallback ? new Promise<void>((resolve) => readyWaiters.push(resolve)) : Promise.resolve()),
  };
}

/** The CSV file: UTF-8 with a BOM (so that Excel reads the accents), ";" separators, CRLF. */
export function csvExportStream(scope: AccessScope, filters: ListFilters): ReadableStream<Uint8Array> {
  const columns = exportColumnsFor(scope);
  const batches = iterateExportBatches(scope, filters);
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map((column) => column.header))}`));
          return;
        }
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map((row) => csvLine(csvCells(row, columns))).join("")));
      } catch (error) {
        console.error("CSV export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/**
 * The XLSX file: one sheet, a frozen header row with an autofilter, column widths, dates as
 * dates. exceljs's streaming writer zips each committed row at once; nothing is kept in memory.
 */
export function xlsxExportStream(scope: AccessScope, filters: ListFilters): ReadableStream<Uint8Array> {
  const columns = exportColumnsFor(scope);
  let cancelled = false;
  const bridge = webStreamBridge(() => {
    cancelled = true;
  });

  void (async () => {
    try {
      // Loaded by the first XLSX export: a process that only ever writes CSV never holds exceljs (~25 MB).
      const { default: excel } = await import("exceljs");
      const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: bridge.writable, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet("Candidatures", { views: [{ state: "frozen", ySplit: 1 }] });
      const styles = columns.map(columnStyle);
      sheet.columns = columns.map((column, index) => ({
        header: column.header,
        key: String(index),
        width: column.width,
        style: styles[index],
      }));
      sheet.getRow(1).font = { bold: true };
      let count = 0;
      for await (const batch of iterateExportBatches(scope, filters)) {
        if (cancelled) return;
        for (const row of batch) {
          const added = sheet.addRow(columns.map((column) => xlsxValue(column.value(row), column)));
          for (let index = 0; index < styles.length; index++) added.getCell(index + 1).style = styles[index]!;
          added.commit();
        }
        count += batch.length;
        // Wait for the reader before reading more: the rows not yet downloaded stay few.
        await bridge.ready();
      }
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: columns.length } };
      sheet.commit();
      await workbook.commit();
      bridge.close();
    } catch (error) {
      console.error("XLSX export failed", error);
      if (!cancelled) bridge.fail(error);
    }
  })();
  return bridge.readable;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The response of an export route: the file of the list under these filters, streamed. */
export function exportResponse(scope: AccessScope, filters: ListFilters, format: ExportFormat, baseName: string): Response {
  const body = format === "xlsx" ? xlsxExportStream(scope, filters) : csvExportStream(scope, filters);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${baseName}-${day}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** An export URL: the list's own filters (same parameters as the screen) and `format` (CSV by default). */
export function parseExportRequest(url: string): { filters: ListFilters; format: ExportFormat } {
  const params = new URL(url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  const format = EXPORT_FORMATS.find((candidate) => candidate === raw.format) ?? "csv";
  // The whole list: a page cursor in the URL does not cut the file.
  return { filters: { ...parseListFilters(raw), after: undefined, before: undefined }, format };
}

/**
 * An export route of one side's list. Signed out (a session that expired while the list was
 * open), to the sign-in page, as every page does: the link is followed as a page, not saved, so
 * the browser shows that page instead of saving it as the file. Outside an organisation of that
 * side, the file does not exist (no hint of why).
 */
export async function exportRoute(request: Request, side: OrganizationKind, baseName: string): Promise<Response> {
  if (!(await getSignedInUser())) redirect(ROUTES.signIn);
  const member = await getCurrentMember();
  if (!member || !isOnSide(member, side)) return new Response("Page introuvable", { status: 404 });
  const { filters, format } = parseExportRequest(request.url);
  return exportResponse(member, filters, format, baseName);
}
