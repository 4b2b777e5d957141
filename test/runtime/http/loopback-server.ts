// A node:http server on 127.0.0.1 that records what it receives (with server-side times)
// and how many requests it held at once, answering through a per-test handler.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Date.now() when the request was complete on the server. */
  receivedAt: number;
  /** Date.now() when the server finished answering (or dropped the socket). */
  answeredAt?: number;
}

export type Handler = (request: SeenRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface LoopbackServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Most requests held at once. */
  readonly peakInFlight: number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() };
      const index = requests.push(seen) - 1;
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const done = (): void => {
        if (seen.answeredAt !== undefined) return;
        seen.answeredAt = Date.now();
        inFlight -= 1;
      };
      res.on('finish', done);
      res.on('close', done);
      void Promise.resolve(handler(seen, res, index)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get peakInFlight() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...(typeof body === 'object' && { 'content-type': 'application/json' }), ...headers });
  res.end(text);
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
