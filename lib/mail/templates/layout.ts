// One email = a few typed blocks, rendered twice: as a readable plain-text email and as
// a single-column, inline-styled HTML email (DSFR colours, fits a phone screen).
import { escapeHtml } from "./format";
import type { EmailContent } from "./types";

export const SERVICE_NAME = "Suivi des candidatures";

export interface Fact {
  label: string;
  value: string;
  /** Rendered as a mailto: link in HTML. */
  email?: boolean;
}

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "facts"; items: readonly Fact[] }
  | { kind: "quote"; title: string; text: string }
  | { kind: "button"; label: string; url: string };

export interface EmailDraft {
  subject: string;
  heading: string;
  greeting: string;
  /** First sentence; also the inbox preview. */
  intro: string;
  /** Falsy entries are skipped, so optional blocks can be written inline. */
  blocks: readonly (Block | null | false | undefined)[];
  /**
   * The privacy page, in the footer of e-mails to people whose data someone else typed (a
   * candidate, by their adviser; a new member, by their admin): the first e-mail they get must say
   * where to read about it (GDPR art. 14).
   */
  privacyUrl?: string;
}

export const paragraph = (text: string): Block => ({ kind: "paragraph", text });
export const facts = (...items: (Fact | null | false | undefined)[]): Block | null => {
  const kept = items.filter((item): item is Fact => Boolean(item));
  return kept.length > 0 ? { kind: "facts", items: kept } : null;
};
export const quote = (title: string, text: string | null): Block | null => (text ? { kind: "quote", title, text } : null);
export const button = (label: string, url: string): Block => ({ kind: "button", label, url });

const FOOTER = `Ce message vous a été envoyé automatiquement par ${SERVICE_NAME}. ` + "Merci de ne pas y répondre directement.";
const PRIVACY_LABEL = "Vos données personnelles et vos droits";

export function renderEmail(draft: EmailDraft): EmailContent {
  const blocks = draft.blocks.filter((block): block is Block => Boolean(block));
  return { subject: draft.subject, text: renderText(draft, blocks), html: renderHtml(draft, blocks) };
}

// ——— Plain text ———

function textBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "facts":
      return block.items.map((item) => `${item.label}\u00a0: ${item.value}`).join("\n");
    case "quote":
      // Indented rather than "> "-quoted, which some clients fold away as a previous reply.
      return `${block.title}\u00a0:\n${block.text
        .split("\n")
        .map((line) => (line ? `    ${line}` : ""))
        .join("\n")}`;
    case "button":
      return `${block.label}\u00a0:\n${block.url}`;
  }
}

function renderText(draft: EmailDraft, blocks: readonly Block[]): string {
  const parts = [`${draft.heading}\n${"=".repeat(draft.heading.length)}`, draft.greeting, draft.intro, ...blocks.map(textBlock)];
  const privacy = draft.privacyUrl ? `\n${PRIVACY_LABEL}\u00a0: ${draft.privacyUrl}` : "";
  return `${parts.join("\n\n")}\n\n-- \n${FOOTER}${privacy}\n`;
}

// ——— HTML ———

const FONT = "font-family:Marianne,Arial,sans-serif;";
const BLUE = "#000091";
const TEXT = "#161616";
const GREY = "#666666";
const BODY = `${FONT}font-size:16px;line-height:24px;color:${TEXT};`;
const P = `margin:0 0 16px;${BODY}`;
const SMALL = `margin:0 0 16px;${FONT}font-size:13px;line-height:20px;color:${GREY};word-break:break-all;`;

function multiline(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${P}">${multiline(block.text)}</p>`;
    case "facts":
      return `<p style="${P}">${block.items
        .map((item) => {
          const value = escapeHtml(item.value);
          const shown = item.email ? `<a href="mailto:${value}" style="color:${BLUE};">${value}</a>` : value;
          return `<strong>${escapeHtml(item.label)}&nbsp;:</strong> ${shown}`;
        })
        .join("<br>")}</p>`;
    case "quote":
      return (
        `<p style="margin:0 0 8px;${BODY}"><strong>${escapeHtml(block.title)}&nbsp;:</strong></p>` +
        `<div style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${BLUE};` +
        `background-color:#f6f6f6;${BODY}">${multiline(block.text)}</div>`
      );
    case "button": {
      const url = escapeHtml(block.url);
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 8px;">` +
        `<tr><td style="background-color:${BLUE};">` +
        `<a href="${url}" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;` +
        `line-height:24px;font-weight:700;color:#ffffff;text-decoration:none;">${escapeHtml(block.label)}</a>` +
        `</td></tr></table>` +
        `<p style="${SMALL}">` +
        `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur&nbsp;: ` +
        `<a href="${url}" style="color:${BLUE};">${url}</a></p>`
      );
    }
  }
}

function renderHtml(draft: EmailDraft, blocks: readonly Block[]): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(draft.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f6f6f6;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(draft.intro)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f6f6f6;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;">
<tr><td style="background-color:${BLUE};padding:16px 24px;${FONT}font-size:18px;line-height:28px;font-weight:700;color:#ffffff;">${SERVICE_NAME}</td></tr>
<tr><td style="padding:24px;">
<h1 style="margin:0 0 24px;${FONT}font-size:24px;line-height:32px;font-weight:700;color:${TEXT};">${escapeHtml(draft.heading)}</h1>
<p style="${P}">${escapeHtml(draft.greeting)}</p>
<p style="${P}">${escapeHtml(draft.intro)}</p>
${blocks.map(htmlBlock).join("\n")}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #dddddd;${FONT}font-size:13px;line-height:20px;color:${GREY};">${escapeHtml(FOOTER)}${
    draft.privacyUrl ? `<br><a href="${escapeHtml(draft.privacyUrl)}" style="color:${GREY};">${PRIVACY_LABEL}</a>` : ""
  }</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
