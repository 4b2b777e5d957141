// MSAL's HTTP calls through a got instance of ours, so that an explicit CA (the `ca` option)
// and NODE_EXTRA_CA_CERTS are trusted the same way as by the transport. Failures are
// rethrown as plain errors: got's own errors carry the request options (the client secret
// is in the form body), and MSAL must never get the chance to print them.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { GotClient } from '../http/got-client.js';
import { networkFailure } from '../http/network-error.js';

export class MsalNetworkError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'MsalNetworkError';
  }
}

export function msalNetworkClient(client: GotClient): INetworkModule {
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>(client, 'GET', url, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(client, 'POST', url, options, undefined),
  };
}

async function send<T>(client: GotClient, method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> {
  let response;
  try {
    response = await client.got(url, {
      method,
      ...(options?.headers && { headers: options.headers }),
      ...(method === 'POST' && { body: options?.body ?? '' }),
      ...(timeout !== undefined && timeout > 0 && { timeout: { request: timeout } }),
    });
  } catch (error) {
    const failure = networkFailure(error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MsalNetworkError(`${method} ${new URL(url).origin}: ${reason}`, failure?.code ?? 'ERROR');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  let body: T;
  try {
    body = JSON.parse(response.body) as T;
  } catch {
    throw new MsalNetworkError(`${method} ${new URL(url).origin}${new URL(url).pathname} answered HTTP ${response.statusCode} with a body that is not JSON`, 'EBADRESPONSE');
  }
  return { headers, body, status: response.statusCode };
}
