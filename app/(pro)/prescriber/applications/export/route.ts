import { getCurrentMember } from "@/lib/auth/guards";
import { isPrescriber } from "@/lib/access";
import { parseListFilters } from "@/lib/applications/list-filters";
import { applicationCsvCells, CSV_HEADER, csvLine, iterateListApplications } from "@/lib/applications/export";

// "Suivi des candidatures" as a CSV file, with the filters of the list (same URL parameters).
export async function GET(request: Request): Promise<Response> {
  const member = await getCurrentMember();
  // Outside a prescriber organisation this file does not exist (no hint of why).
  if (!member || !isPrescriber(member)) return new Response("Page introuvable", { status: 404 });

  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  const filters = { ...parseListFilters(raw), after: undefined, before: undefined };
  const rows = iterateListApplications(member, filters);
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // The BOM makes spreadsheet software read the accents as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_HEADER)}`));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLine(applicationCsvCells(next.value))));
      } catch (error) {
        console.error("CSV export failed", error);
        controller.error(error);
      }
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="candidatures-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
