import { exportRoute } from "@/lib/applications/export";

// "Candidatures reçues" as a CSV or XLSX file (?format=xlsx), with the filters of the list (same URL parameters).
export async function GET(request: Request): Promise<Response> {
  return exportRoute(request, "EMPLOYER", "candidatures-recues");
}
