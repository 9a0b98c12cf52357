/**
 * /dev/mails and /dev/mails.json say plainly when a body is not what was sent: its personal link
 * removed once sent, or the whole body emptied by the retention job. Rendered from a real database.
 */
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { prisma } from "@/lib/db";
import { REDACTED_LINK } from "@/lib/mail/redaction";
import DevMailsPage from "@/app/dev/mails/page";
import { GET as devMailsJson } from "@/app/dev/mails.json/route";

async function keptEmail(state: "complete" | "redacted" | "purged") {
  const key = randomUUID().slice(0, 8);
  return prisma.outboxEmail.create({
    data: {
      to: `boite-${key}@mail.test`,
      template: "sign_in",
      subject: `Sujet ${state} ${key}`,
      text:
        state === "purged"
          ? ""
          : `Me connecter\u00a0:\n${state === "redacted" ? REDACTED_LINK : `http://localhost:3000/api/auth/callback/resend?token=${key}`}\n`,
      html: state === "purged" ? "" : "<p>HTML</p>",
      status: state === "complete" ? "PENDING" : "SENT",
      sentAt: state === "complete" ? null : new Date(),
      idempotencyKey: `test-${randomUUID()}`,
      bodyRedactedAt: state === "redacted" ? new Date("2026-11-29T09:15:00Z") : null,
      bodyPurgedAt: state === "purged" ? new Date("2026-11-29T09:15:00Z") : null,
    },
  });
}

/** The page's article for one email, as plain text. */
function articleText(html: string, subject: string): string {
  const articles = html.split("<article").filter((part) => part.includes(subject));
  expect(articles).toHaveLength(1);
  return (
    articles[0]!
      .replace(/<[^>]+>/g, " ")
      // Collapses the markup's spacing, not the non-breaking spaces of the text.
      .replace(/[ \t\r\n]+/g, " ")
      .replaceAll("&#x27;", "'")
      .replaceAll("&quot;", '"')
      .replaceAll("&amp;", "&")
  );
}

describe("/dev/mails", () => {
  it("says on each email whether its link was removed once sent, or its body purged, and shows the link of a kept one", async () => {
    const complete = await keptEmail("complete");
    const redacted = await keptEmail("redacted");
    const purged = await keptEmail("purged");

    const html = renderToStaticMarkup(await DevMailsPage());

    expect(articleText(html, redacted.subject)).toContain(
      "Lien personnel retiré le 29/11/2026 10:15, une fois l'e-mail envoyé\u00a0: seul son destinataire l'a, il n'est plus lisible dans la base.",
    );
    expect(articleText(html, purged.subject)).toContain(
      "Contenu effacé le 29/11/2026 10:15\u00a0: les e-mails de plus de 90 jours ne gardent que leur destinataire, leur objet, leur modèle, leur état et leurs dates.",
    );
    const kept = articleText(html, complete.subject);
    expect(kept).not.toMatch(/retiré|effacé/);
    // Development without a Resend key: the sign-in link is there to click.
    expect(html).toContain(`href="http://localhost:3000/api/auth/callback/resend?token=`);
  });

  it("in JSON, keeps the fields of DESIGN §8 and adds the body's state and the notice", async () => {
    const redacted = await keptEmail("redacted");
    const purged = await keptEmail("purged");
    const emails = (await (await devMailsJson()).json()) as Record<string, unknown>[];

    const ofRedacted = emails.find((email) => email.subject === redacted.subject)!;
    expect(Object.keys(ofRedacted)).toEqual(expect.arrayContaining(["to", "subject", "text", "html", "createdAt"]));
    expect(ofRedacted).toMatchObject({
      to: redacted.to,
      text: redacted.text,
      createdAt: redacted.createdAt.toISOString(),
      body: "redacted",
    });
    expect(ofRedacted.bodyNotice).toMatch(/^Lien personnel retiré le/);
    expect(emails.find((email) => email.subject === purged.subject)).toMatchObject({
      text: "",
      html: "",
      body: "purged",
      bodyNotice: expect.stringMatching(/^Contenu effacé le/),
    });
  });
});
