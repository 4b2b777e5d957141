// One HTTP attempt: headers assembled, body serialized, response body parsed. It never
// throws: the outcome goes to the retry policy either way.
import type { Got } from 'got';
import type { HttpResponse, PreparedRequest } from './types.js';

export type AttemptResult = { readonly response: Omit<HttpResponse, 'attempts'> } | { readonly error: unknown };

/** Request headers, auth headers, then the correlation id; names lower-cased so later ones win. */
export function requestHeaders(
  request: PreparedRequest,
  auth: Readonly<Record<string, string>>,
  requestId: { readonly header: string | undefined; readonly value: string },
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(auth)) headers[name.toLowerCase()] = value;
  if (requestId.header) headers[requestId.header.toLowerCase()] = requestId.value;
  if (request.body !== undefined) headers['content-type'] ??= 'application/json';
  return headers;
}

export async function sendAttempt(got: Got, request: PreparedRequest, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<AttemptResult> {
  try {
    const response = await got(request.url, {
      method: request.method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      ...(signal && { signal }),
    });
    return {
      response: {
        status: response.statusCode,
        headers: response.headers,
        body: parseBody(response.body, response.headers['content-type']),
        url: response.url,
      },
    };
  } catch (error) {
    return { error };
  }
}

/** JSON when it parses as such, the text when it does not, undefined when empty. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return undefined;
  const looksJson = /[/+]json\b/i.test(contentType ?? '') || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
