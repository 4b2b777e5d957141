// Test helpers for the paging strategies: a loopback HTTP server whose handler answers page
// requests, a minimal fetch-based `send` (the real transport is built elsewhere), and
// builders for paging models and requests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { compileJsonLocation } from '../../../runtime/definition/json-location.js';
import type { HttpResponse, PreparedRequest } from '../../../runtime/http/types.js';
import { paginate, type Page, type PaginateArgs } from '../../../runtime/paging/index.js';

export interface PageReply {
  status?: number;
  body: unknown;
}

export interface PageServer {
  readonly origin: string;
  /** Request URLs (path and query) in the order they arrived. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(answer: (url: URL, origin: string) => PageReply): Promise<PageServer> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((request: IncomingMessage, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const reply = answer(new URL(path, origin), origin);
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A transport's `send` reduced to what paging needs: one fetch, the JSON body parsed. */
export function fetchSend(extraHeaders: Record<string, string> = {}): (request: PreparedRequest) => Promise<HttpResponse> {
  return async (request) => {
    const response = await fetch(request.url, { method: request.method, headers: { ...request.headers, ...extraHeaders } });
    const text = await response.text();
    let body: unknown = text === '' ? undefined : text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text, as the transport does
    }
    return { status: response.status, headers: Object.fromEntries(response.headers), body, url: request.url, attempts: 1 };
  };
}

export function getRequest(url: string, label = 'user.search'): PreparedRequest {
  return { method: 'GET', url, headers: { accept: 'application/json' }, label, retrySafe: true, requestId: 'req-1' };
}

export const locate = compileJsonLocation;

export class PageError extends Error {
  constructor(readonly response: HttpResponse, readonly request: PreparedRequest) {
    super(`HTTP ${response.status} for ${request.url}`);
  }
}

export const failOnError = (response: HttpResponse, request: PreparedRequest): never => {
  throw new PageError(response, request);
};

/** Walks every page and keeps them (the tests use small data sets). */
export async function collectPages(args: Omit<PaginateArgs, 'onError'> & { onError?: PaginateArgs['onError'] }): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of paginate({ onError: failOnError, ...args })) pages.push(page);
  return pages;
}

export const itemIds = (pages: readonly Page[]): unknown[] => pages.flatMap((page) => page.items.map((item) => (item as { id: unknown }).id));

/** Runs the walk and returns what it threw, with the items seen before. */
export async function walkUntilError(args: PaginateArgs): Promise<{ error: unknown; seen: unknown[] }> {
  const seen: unknown[] = [];
  try {
    for await (const page of paginate(args)) seen.push(...page.items.map((item) => (item as { id: unknown }).id));
  } catch (error) {
    return { error, seen };
  }
  throw new Error(`the walk ended without an error after ${seen.length} items`);
}

export function users(count: number, from = 1): Array<{ id: string }> {
  return Array.from({ length: count }, (_, i) => ({ id: `u${from + i}` }));
}
