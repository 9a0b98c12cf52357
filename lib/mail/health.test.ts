import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueEmails } from "@/lib/mail/outbox";
import { pauseDelivery } from "@/lib/mail/delivery-state";
import { outboxHealth } from "@/lib/mail/health";
import { GET } from "@/app/api/health/route";

beforeEach(async () => {
  await prisma.outboxEmail.deleteMany({});
  await prisma.mailDeliveryState.deleteMany({});
});

const email = (to: string, template = "application_received") => ({
  to,
  template,
  subject: `Objet pour ${to}`,
  text: "Texte",
  html: "<p>HTML</p>",
});

describe("GET /api/health", () => {
  it("answers 200 with the outbox lag (oldest PENDING e-mail worth sending) and the pause, without any personal data", async () => {
    await enqueueEmails(prisma, [email("ancienne@sante.test"), email("recente@sante.test"), email("connexion@sante.test", "sign_in")]);
    const now = new Date();
    await prisma.outboxEmail.updateMany({ where: { to: "ancienne@sante.test" }, data: { createdAt: new Date(now.getTime() - 600_000) } });
    // An expired sign-in e-mail is never sent: it does not count.
    await prisma.outboxEmail.updateMany({
      where: { to: "connexion@sante.test" },
      data: { createdAt: new Date(now.getTime() - 7_200_000) },
    });
    await pauseDelivery(prisma, now, "401 invalid_api_key: API key is invalid");

    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok", outbox: { pending: 2, paused: true, pausedSince: now.toISOString() } });
    expect(body.outbox.lagSeconds).toBeGreaterThanOrEqual(600);
    expect(body.outbox.lagSeconds).toBeLessThan(700);
    expect(JSON.stringify(body)).not.toMatch(/sante\.test|Objet|invalid_api_key/);
  });

  it("reports no lag and no pause on an empty outbox", async () => {
    expect(await outboxHealth()).toMatchObject({ pending: 0, lagSeconds: 0, paused: false, pausedSince: null });
  });
});
