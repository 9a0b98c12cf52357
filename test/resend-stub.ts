/**
 * A stand-in for the Resend API on 127.0.0.1, for integration tests, the bench and end-to-end
 * runs: the real `resend` SDK talks HTTP to it (RESEND_BASE_URL). It answers POST /emails and
 * POST /emails/batch like Resend (one id per e-mail; a replayed idempotency key gets the same
 * ids and sends nothing), can enforce Resend's request rate and batch size, records every
 * request, and answers what the test scripts.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubEmail {
  from?: string;
  to?: string | string[];
  subject?: string;
  text?: string;
  html?: string;
  reply_to?: string | string[];
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
}

export interface StubRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  batchValidation: string | null;
  /** The (first) e-mail of the request. */
  body: StubEmail;
  /** The e-mails of the request (one for POST /emails). */
  emails: StubEmail[];
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (to overlap concurrent senders). */
  delayMs?: number;
  /** Send the e-mails, then answer this error anyway: the answer was lost on the way back. */
  lostAnswer?: boolean;
}

/** Returns an answer to override the normal one (undefined: answer like Resend). */
export type StubHandler = (request: StubRequest, index: number) => StubAnswer | undefined;

export interface StubOptions {
  /** Requests accepted per second (a sliding second); above it, 429 with retry-after and ratelimit-* headers. */
  ratePerSecond?: number;
  /** E-mails per batch, as Resend: 100. */
  maxBatch?: number;
  /** The loopback port to listen on (default: any free port). */
  port?: number;
}

export type DeliveredEmail = StubEmail & { id: string; idempotencyKey: string | null; receivedAt: string };

export interface ResendStub {
  url: string;
  requests: StubRequest[];
  /** E-mails Resend would have sent: those of 2xx answers, a replayed idempotency key counted once. */
  delivered(): DeliveredEmail[];
  /**
   * E-mails delivered more than once under different keys: the same outbox row (its
   * X-Entity-Ref-ID header) or, without that header, the same recipient and subject.
   */
  duplicates(): number;
  /** Requests answered 429 by the rate limit. */
  rateLimited(): number;
  handle(handler: StubHandler | null): void;
  /** Rejects some e-mails inside a permissive batch (Resend's `errors`), by returning a message. */
  rejectEmail(rule: ((email: StubEmail) => string | null) | null): void;
  /** Forgets every request and answer (between tests). */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startResendStub(options: StubOptions = {}): Promise<ResendStub> {
  const maxBatch = options.maxBatch ?? 100;
  const requests: StubRequest[] = [];
  const accepted = new Map<string, { answer: unknown; emails: DeliveredEmail[] }>();
  let handler: StubHandler | null = null;
  let reject: ((email: StubEmail) => string | null) | null = null;
  let counter = 0;
  let limited = 0;
  const recent: number[] = [];

  const send = (res: import("node:http").ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    // What a test process outside this one (the end-to-end run's browser side) reads back.
    if (req.method === "GET" && req.url === "/_stub/delivered") return send(res, 200, delivered());
    if (req.method === "GET" && req.url === "/_stub/stats") {
      return send(res, 200, { requests: requests.length, delivered: delivered().length, duplicates: duplicates(), rateLimited: limited });
    }
    const raw = await readBody(req);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const isBatch = req.url === "/emails/batch";
    const request: StubRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      idempotencyKey: req.headers["idempotency-key"]?.toString() ?? null,
      authorization: req.headers.authorization ?? null,
      batchValidation: req.headers["x-batch-validation"]?.toString() ?? null,
      emails: isBatch && Array.isArray(parsed) ? (parsed as StubEmail[]) : [parsed as StubEmail],
      body: {},
    };
    request.body = request.emails[0] ?? {};
    const index = requests.push(request) - 1;

    if (options.ratePerSecond) {
      const now = Date.now();
      while (recent.length && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= options.ratePerSecond) {
        limited++;
        const reset = String(Math.max(1, Math.ceil((recent[0]! + 1000 - now) / 1000)));
        send(
          res,
          429,
          { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." },
          {
            "retry-after": reset,
            "ratelimit-limit": String(options.ratePerSecond),
            "ratelimit-remaining": "0",
            "ratelimit-reset": reset,
          },
        );
        return;
      }
      recent.push(now);
    }

    const answer = handler?.(request, index);
    if (answer?.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer && !answer.lostAnswer && (answer.status < 200 || answer.status >= 300)) {
      send(res, answer.status, answer.body, answer.headers);
      return;
    }
    if (isBatch && (request.emails.length === 0 || request.emails.length > maxBatch)) {
      send(res, 422, { statusCode: 422, name: "validation_error", message: `A batch holds 1 to ${maxBatch} e-mails.` });
      return;
    }
    const key = request.idempotencyKey ?? `no-key-${index}`;
    const answerWith = (body: unknown) =>
      answer?.lostAnswer ? send(res, answer.status, answer.body, answer.headers) : send(res, 200, body);
    const known = accepted.get(key);
    if (known) {
      answerWith(known.answer);
      return;
    }
    const emails: DeliveredEmail[] = [];
    const ids: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    request.emails.forEach((email, position) => {
      const refusal = isBatch && request.batchValidation === "permissive" ? (reject?.(email) ?? null) : null;
      if (refusal) errors.push({ index: position, message: refusal });
      else {
        const id = `stub-email-${++counter}`;
        ids.push({ id });
        emails.push({ ...email, id, idempotencyKey: request.idempotencyKey, receivedAt: new Date().toISOString() });
      }
    });
    const body = isBatch ? { data: ids, ...(request.batchValidation === "permissive" ? { errors } : {}) } : ids[0];
    accepted.set(key, { answer: body, emails });
    answerWith(body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function delivered() {
    return [...accepted.values()].flatMap((entry) => entry.emails);
  }
  function duplicates() {
    const seen = new Set<string>();
    let count = 0;
    for (const email of delivered()) {
      const id = email.headers?.["X-Entity-Ref-ID"] ?? `${String(email.to)}\n${email.subject}`;
      if (seen.has(id)) count++;
      seen.add(id);
    }
    return count;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    duplicates,
    rateLimited: () => limited,
    handle: (next) => {
      handler = next;
    },
    rejectEmail: (rule) => {
      reject = rule;
    },
    reset: () => {
      handler = null;
      reject = null;
      limited = 0;
      recent.length = 0;
      requests.length = 0;
      accepted.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; close them or close() waits for their timeout.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Resend's error body, as the SDK expects it. */
export const resendError = (statusCode: number, name: string, message = name): StubAnswer => ({
  status: statusCode,
  body: { statusCode, name, message },
});
