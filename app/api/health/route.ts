import { outboxHealth } from "@/lib/mail/health";

export const dynamic = "force-dynamic";

/** 200 while the database answers, with the outbox's lag and pause; 503 otherwise. Public, no personal data. */
export async function GET() {
  try {
    const outbox = await outboxHealth();
    return Response.json({ status: "ok", database: "ok", outbox }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
