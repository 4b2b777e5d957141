// The pages of a list operation with the continuation of each (to checkpoint and resume), the
// way the engine's search reads them, plus the extra query parameters an incremental round adds
// (e.g. updatedAfter={{watermark}}). Pages are fetched one ahead of the consumer, so the next
// request is on the wire while the current page is being reconciled.
import type { ErrorContext } from '../errors.js';
import type { OperationModel } from '../definition/model.js';
import { paginate, type Page } from '../paging/index.js';
import { buildRequest } from './build-request.js';
import { responseError } from './classify.js';
import { resolvePageSize } from './operation-names.js';
import type { ConnectorSession } from './session.js';

export interface ListOptions {
  extraQuery?: ReadonlyArray<readonly [string, string]>;
  resumeFrom?: string;
  limit?: number;
}

export function listPages(
  session: ConnectorSession,
  op: OperationModel,
  variables: Record<string, unknown>,
  context: ErrorContext,
  options: ListOptions = {},
): AsyncGenerator<Page, void, undefined> {
  const config = session.connection.context.config;
  // No page larger than the limit: `connector test` (limit 1) then asks a real tenant for one
  // object instead of a full page of 999.
  const configured = resolvePageSize(op.paging, config);
  const pageSize = configured !== undefined && options.limit !== undefined ? Math.max(1, Math.min(configured, options.limit)) : configured;
  const first = buildRequest(session.connection, op, { ...variables, page: { size: pageSize ?? '' } }, {
    errorContext: context,
    ...(options.extraQuery && { extraQuery: options.extraQuery }),
  });
  return readAhead(paginate({
    paging: op.paging,
    first,
    send: (request) => session.transport.send(request),
    ...(op.resources && { resources: op.resources }),
    ...(pageSize !== undefined && { pageSize }),
    ...(options.limit !== undefined && { maxObjects: options.limit }),
    ...(options.resumeFrom !== undefined && { resumeFrom: options.resumeFrom }),
    onError: (response) => responseError(session, response, { operation: op.label, ...context }),
  }));
}

/** Keeps one item requested ahead of the consumer; an error surfaces when its item is reached. */
export async function* readAhead<T>(source: AsyncGenerator<T, void, undefined>): AsyncGenerator<T, void, undefined> {
  let pending = source.next();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = source.next();
      // A failure of the prefetch is reported on the next await, not as an unhandled rejection.
      pending.catch(() => undefined);
      // The next request is built through several async layers (paging, transport, auth):
      // let them run now, so that it is on the wire before the consumer's synchronous work.
      await new Promise<void>((resolve) => setImmediate(resolve));
      yield result.value;
    }
  } finally {
    await source.return(undefined);
  }
}
