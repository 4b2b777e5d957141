// A ConnectionModel for transport tests, with small delays so that timed tests stay fast.
import type { ConnectionModel, ErrorClassificationModel, RateLimitModel, RetryModel } from '../../../runtime/definition/model.js';
import { compileTemplate, type CompiledTemplate } from '../../../runtime/template/compile-template.js';

export function template(source: string): CompiledTemplate {
  const compiled = compileTemplate(source, { variables: { config: 'any', connection: 'any' } });
  if (!compiled.template) throw new Error(`bad template ${source}: ${compiled.issues.map((i) => i.message).join('; ')}`);
  return compiled.template;
}

export interface ConnectionOverrides {
  retry?: Partial<RetryModel>;
  rateLimit?: Partial<RateLimitModel>;
  timeoutMs?: number;
  requestIdHeader?: string;
  errors?: ErrorClassificationModel;
}

export function testConnection(overrides: ConnectionOverrides = {}): ConnectionModel {
  return {
    baseURL: template('http://127.0.0.1'),
    auth: { type: 'none' },
    headers: [],
    ...(overrides.requestIdHeader !== undefined && { requestIdHeader: overrides.requestIdHeader }),
    timeoutMs: overrides.timeoutMs ?? 2000,
    retry: { maxAttempts: 4, maxElapsedMs: 5000, baseDelayMs: 10, maxDelayMs: 50, statuses: new Set([429, 502, 503, 504]), ...overrides.retry },
    rateLimit: { concurrency: 8, ...overrides.rateLimit },
    errors: overrides.errors ?? { rules: [] },
    paging: { type: 'none' },
    filter: {},
    consistencyRetry: { maxElapsedMs: 0, baseDelayMs: 0 },
  };
}
