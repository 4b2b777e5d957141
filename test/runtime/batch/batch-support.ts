// Test helpers for the batch dispatcher: a loopback server speaking the OData JSON batch
// protocol (items answered by a test-supplied handler, in dependsOn order, responses
// reversed), a minimal fetch transport without retries, and model builders.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { BatchModel, RetryModel } from '../../../runtime/definition/model.js';
import type { HttpResponse, HttpTransport, PreparedRequest } from '../../../runtime/http/types.js';
import { compileTemplate } from '../../../runtime/template/compile-template.js';

export interface ItemCall {
  method: string;
  /** Relative to the base path, e.g. "/users/1". */
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Milliseconds since the server started. */
  at: number;
}

export interface ItemReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchServer {
  readonly origin: string;
  /** origin + "/v1.0" */
  readonly baseURL: string;
  /** Each batch as the raw items it held. */
  readonly batches: Array<{ at: number; requests: Array<Record<string, unknown>> }>;
  /** Every item executed, batched or direct. */
  readonly calls: ItemCall[];
  readonly direct: ItemCall[];
  /** Answers the item; the default echoes it with 200. */
  handle: (call: ItemCall) => ItemReply;
  /** When set and returning a reply, the whole batch request gets it instead. */
  batchReply: (() => ItemReply | undefined) | undefined;
  reset(): void;
  close(): Promise<void>;
}

const basePath = '/v1.0';
const echo = (call: ItemCall): ItemReply => ({ status: 200, body: { method: call.method, url: call.url, body: call.body } });

export async function startBatchServer(): Promise<BatchServer> {
  const started = Date.now();
  const state: BatchServer = {
    origin: '',
    baseURL: '',
    batches: [],
    calls: [],
    direct: [],
    handle: echo,
    batchReply: undefined,
    reset() {
      state.batches.length = 0;
      state.calls.length = 0;
      state.direct.length = 0;
      state.handle = echo;
      state.batchReply = undefined;
    },
    close: () => Promise.resolve(),
  };
  const run = (call: Omit<ItemCall, 'at'>): ItemReply => {
    const full = { ...call, at: Date.now() - started };
    state.calls.push(full);
    return state.handle(full);
  };

  const server: Server = createServer(async (request, response) => {
    const text = await readBody(request);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const path = (request.url ?? '/').slice(basePath.length);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    const reply = (answer: ItemReply) => {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };
    if (path !== '/$batch') {
      const answer = run({ method: request.method ?? 'GET', url: path, headers, body });
      state.direct.push(state.calls[state.calls.length - 1]!);
      return reply(answer);
    }
    const requests = (body as { requests: Array<Record<string, unknown>> }).requests;
    state.batches.push({ at: Date.now() - started, requests });
    const whole = state.batchReply?.();
    if (whole) return reply(whole);
    const results = new Map<string, ItemReply>();
    for (const item of requests) {
      const dependsOn = (item.dependsOn as string[] | undefined) ?? [];
      const failed = dependsOn.some((id) => (results.get(id)?.status ?? 500) >= 400);
      const answer = failed
        ? { status: 424, body: { error: { code: 'FailedDependency' } } }
        : run({ method: String(item.method), url: String(item.url), headers: (item.headers ?? {}) as Record<string, string>, body: item.body });
      results.set(String(item.id), answer);
    }
    // Answers come back in the reverse order: callers must be matched by id.
    const responses = [...results].reverse().map(([id, answer]) => ({ id, status: answer.status, headers: answer.headers ?? {}, body: answer.body }));
    reply({ status: 200, body: { responses } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return Object.assign(state, {
    origin,
    baseURL: origin + basePath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/** A transport reduced to one fetch per request: no retries, no auth. `failWith` makes sends reject. */
export function fetchTransport(): HttpTransport & { sent: PreparedRequest[]; failWith?: Error } {
  const transport: HttpTransport & { sent: PreparedRequest[]; failWith?: Error } = {
    sent: [],
    async send(request: PreparedRequest): Promise<HttpResponse> {
      transport.sent.push(request);
      if (transport.failWith) throw transport.failWith;
      const response = await fetch(request.url, {
        method: request.method,
        headers: { ...request.headers, ...(request.body !== undefined && { 'content-type': 'application/json' }) },
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), body: text === '' ? undefined : JSON.parse(text), url: request.url, attempts: 1 };
    },
    close: () => Promise.resolve(),
  };
  return transport;
}

export function batchModel(overrides: Partial<Omit<BatchModel, 'protocol' | 'relURI'>> = {}, relURI = '/$batch'): BatchModel {
  const compiled = compileTemplate(relURI, { variables: { config: { batchPath: 'scalar' }, connection: { baseURL: 'scalar', origin: 'scalar' } } });
  if (!compiled.template) throw new Error(`bad relURI ${relURI}`);
  return { protocol: 'odataJsonBatch', relURI: compiled.template, maxRequests: 20, minRequests: 2, ...overrides };
}

export const retryModel: RetryModel = { maxAttempts: 4, maxElapsedMs: 5000, baseDelayMs: 10, maxDelayMs: 100, statuses: new Set([429, 502, 503, 504]) };

export function write(baseURL: string, method: PreparedRequest['method'], path: string, body?: unknown, label = 'user.update'): PreparedRequest {
  return { method, url: baseURL + path, headers: { accept: 'application/json' }, label, retrySafe: method !== 'POST', ...(body !== undefined && { body }) };
}
