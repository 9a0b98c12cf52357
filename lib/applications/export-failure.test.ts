import { describe, expect, it, vi } from "vitest";
import { csvExportStream, xlsxExportStream } from "@/lib/applications/export";
import { parseListFilters } from "@/lib/applications/list-filters";
import { createApplication, createScenario } from "@/test/fixtures";

// The database fails while a file is being written: the batch's columns cannot be read.
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  queryRowsDirect: () => Promise.reject(new Error("connection lost")),
}));

describe("an export whose reading fails", () => {
  it.each([
    ["XLSX", xlsxExportStream],
    ["CSV", csvExportStream],
  ])("ends the %s download in error, and nothing is written after it (the server goes on)", async (_format, exportStream) => {
    const { employer, prescriber, candidate, employerOrg } = await createScenario();
    await createApplication({ candidateId: candidate.id, sender: prescriber.ctx, employerOrganizationId: employerOrg.id });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(new Response(exportStream(employer.ctx, parseListFilters({}))).arrayBuffer()).rejects.toThrow("connection lost");
    // Give the writer time to flush what it had started: a write into the failed stream would throw here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/export failed/), expect.any(Error));
    errors.mockRestore();
  });
});
