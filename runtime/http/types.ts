// The transport contract between the engine and the HTTP layer. The engine prepares
// requests from the definition; the transport sends them with auth, limits and retries.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PreparedRequest {
  method: HttpMethod;
  /** Absolute URL. */
  url: string;
  /** Request headers from the definition (auth headers are added by the transport). */
  headers: Record<string, string>;
  /** JSON body (serialized by the transport); undefined for none. */
  body?: unknown;
  /** What this request is for, for logs and errors, e.g. "user.create" or "user.groups.add". */
  label: string;
  /**
   * May the transport re-send this request after a timeout, a reset connection or a 5xx?
   * True for GET/PUT/DELETE/PATCH and for writes whose repetition is harmless; false for a
   * create, which the engine retries itself after looking the object up (idempotent create).
   * A 429 is always retried (the target did not process the request).
   */
  retrySafe: boolean;
  /** Correlation id that stays the same across retries (sent in connection.requestIdHeader). */
  requestId?: string;
}

export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** The URL that answered. */
  url: string;
  /** Attempts made (1 = no retry). */
  attempts: number;
}

export interface SendOptions {
  /** Abort the request (and its retries). */
  signal?: AbortSignal;
}

export interface HttpTransport {
  /**
   * Sends a request through the rate limiter, the concurrency cap, auth and the retry policy.
   * Resolves with the final response whatever its status (the engine classifies errors);
   * rejects with ConnectorError (ConnectionFailed, InvalidCredentials from the token endpoint,
   * Throttled / ServiceUnavailable when retries are exhausted on network errors) when no
   * response could be had.
   */
  send(request: PreparedRequest, options?: SendOptions): Promise<HttpResponse>;
  /** Stops timers and closes keep-alive sockets. */
  close(): Promise<void>;
}
