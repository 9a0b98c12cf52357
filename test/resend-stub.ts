/**
 * A stand-in for the Resend API on 127.0.0.1, for integration tests: the real `resend` SDK talks
 * HTTP to it (RESEND_BASE_URL). It records every request and answers what the test scripts.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: { from?: string; to?: string | string[]; subject?: string; text?: string; html?: string; reply_to?: string | string[] };
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (to overlap concurrent senders). */
  delayMs?: number;
}

/** Answers like Resend: 200 with an id, and one id per idempotency key (a replay gets the same id). */
export type StubHandler = (request: StubRequest, index: number) => StubAnswer | undefined;

export interface ResendStub {
  url: string;
  requests: StubRequest[];
  /** Requests Resend would have turned into an email: 2xx answers, deduplicated by idempotency key. */
  delivered(): StubRequest[];
  handle(handler: StubHandler | null): void;
  /** Forgets every request and answer (between tests). */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startResendStub(): Promise<ResendStub> {
  const requests: StubRequest[] = [];
  const accepted = new Map<string, { id: string; request: StubRequest }>();
  let handler: StubHandler | null = null;
  let counter = 0;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const request: StubRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      idempotencyKey: req.headers["idempotency-key"]?.toString() ?? null,
      authorization: req.headers.authorization ?? null,
      body: raw ? JSON.parse(raw) : {},
    };
    const index = requests.push(request) - 1;
    const answer = handler?.(request, index);
    if (answer?.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer && (answer.status < 200 || answer.status >= 300)) {
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
      return;
    }
    const key = request.idempotencyKey ?? `no-key-${index}`;
    const known = accepted.get(key) ?? { id: `stub-email-${++counter}`, request };
    accepted.set(key, known);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: known.id }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered: () => [...accepted.values()].map((entry) => entry.request),
    handle: (next) => {
      handler = next;
    },
    reset: () => {
      handler = null;
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
