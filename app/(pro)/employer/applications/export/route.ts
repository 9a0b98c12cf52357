import { getCurrentMember } from "@/lib/auth/guards";
import { isEmployer } from "@/lib/access";
import { exportResponse, parseExportRequest } from "@/lib/applications/export";

// "Candidatures reçues" as a CSV or XLSX file (?format=xlsx), with the filters of the list (same URL parameters).
export async function GET(request: Request): Promise<Response> {
  const member = await getCurrentMember();
  // Outside an employer organisation this file does not exist (no hint of why).
  if (!member || !isEmployer(member)) return new Response("Page introuvable", { status: 404 });
  const { filters, format } = parseExportRequest(request.url);
  return exportResponse(member, filters, format, "candidatures-recues");
}
