// MSAL's HTTP calls through a got instance of ours, so that an explicit CA (the `ca` option)
// and NODE_EXTRA_CA_CERTS are trusted the same way as by the transport. Failures are
// rethrown as plain errors: got's own errors carry the request options (the client secret
// is in the form body), and MSAL must never get the chance to print them.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { GotClient } from '../http/got-client.js';
import { errorCode, networkFailure } from '../http/network-error.js';

export class MsalNetworkError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'MsalNetworkError';
  }
}

export interface MsalNetwork {
  readonly module: INetworkModule;
  /**
   * The last failure, cleared when read. MSAL swallows a failed discovery request and reports
   * only "endpoints_resolution_error"; this says what actually went wrong.
   */
  takeLastFailure(): MsalNetworkError | undefined;
}

export function msalNetworkClient(client: GotClient): MsalNetwork {
  let last: MsalNetworkError | undefined;
  const remember = async <T>(sending: Promise<NetworkResponse<T>>): Promise<NetworkResponse<T>> => {
    try {
      return await sending;
    } catch (error) {
      if (error instanceof MsalNetworkError) last = error;
      throw error;
    }
  };
  return {
    module: {
      sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => remember(send<T>(client, 'GET', url, options, timeout)),
      sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => remember(send<T>(client, 'POST', url, options, undefined)),
    },
    takeLastFailure: () => {
      const failure = last;
      last = undefined;
      return failure;
    },
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
    const code = networkFailure(error)?.code ?? errorCode(error) ?? 'ERROR';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MsalNetworkError(`${method} ${new URL(url).origin}: ${reason}`, code);
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
