// A generic delta reader: the class's delta operation (first round: every object), or a stored
// delta link (later rounds: the changes since). Pages follow the operation's next link; the last
// page carries the delta link for the next round (deltaLinkPath). Links must stay on the origin
// of the connection - credentials go with every request - and a link seen twice is a loop.
// An answer with one of the operation's expiredStatus (Graph: 410 Gone) means the link is no
// longer valid: DeltaLinkExpired tells the caller to start over with a full round.
import type { DeltaOperationModel, ObjectClassModel } from '../definition/model.js';
import { connectorError } from '../errors.js';
import type { PreparedRequest } from '../http/types.js';
import { pageRequest } from '../paging/page-source.js';
import { urlWithoutQuery } from '../paging/query-params.js';
import { buildRequest } from '../operations/build-request.js';
import { responseError } from '../operations/classify.js';
import { resolvePageSize } from '../operations/operation-names.js';
import type { ConnectorSession } from '../operations/session.js';

export interface DeltaPage {
  items: unknown[];
  /** The next link: where to resume after this page; undefined on the last page. */
  continuation?: string;
  /** On the last page: the link of the next round. */
  deltaLink?: string;
  pageNumber: number;
}

export class DeltaLinkExpired extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`the delta link answered HTTP ${status} (expired): ${url}`);
    this.name = 'DeltaLinkExpired';
  }
}

/** `from`: a stored delta link (a changes round) or a next link to resume an interrupted round. */
export async function* readDelta(session: ConnectorSession, cls: ObjectClassModel, op: DeltaOperationModel, from?: string, select = cls.defaultSelect): AsyncGenerator<DeltaPage, void, undefined> {
  if (op.paging.type !== 'nextLink') {
    throw connectorError('ConfigurationError', `${op.label}: a delta operation pages by next link (paging.type "nextLink")`, { objectClass: cls.name, operation: 'delta' });
  }
  const paging = op.paging;
  const context = { objectClass: cls.name, operation: op.label };
  const pageSize = resolvePageSize(paging, session.connection.context.config);
  const first = buildRequest(session.connection, op, { select, page: { size: pageSize ?? '' } }, { errorContext: context });
  let request: PreparedRequest = from === undefined ? first : pageRequest(first, checkedLink(session, from, 'stored link'));
  const followed = new Set<string>([request.url]);
  for (let pageNumber = 1; ; pageNumber++) {
    const response = await session.transport.send(request);
    if (op.expiredStatus.has(response.status)) throw new DeltaLinkExpired(response.status, urlWithoutQuery(request.url));
    if (response.status < 200 || response.status > 299) responseError(session, response, { ...context, request: `${request.method} ${urlWithoutQuery(request.url)}` });
    const body = response.body;
    const list = op.resources ? op.resources.first(body) : body;
    if (!Array.isArray(list)) {
      throw connectorError('OperationFailed', `${op.label} page ${pageNumber}: the item list${op.resources ? ` at "${op.resources.source}"` : ''} is not an array`, context);
    }
    const next = linkAt(paging.nextLink.first(body));
    if (next === undefined) {
      const deltaLink = linkAt(op.deltaLink.first(body));
      if (deltaLink === undefined) {
        throw connectorError('OperationFailed', `${op.label}: the last page has neither a next link nor a delta link at "${op.deltaLink.source}"`, {
          ...context, hint: 'check deltaLinkPath against a real response',
        });
      }
      yield { items: list, deltaLink: checkedLink(session, deltaLink, 'delta link'), pageNumber };
      return;
    }
    const url = checkedLink(session, next, 'next link');
    if (followed.has(url)) throw connectorError('OperationFailed', `${op.label}: paging loop, page ${pageNumber} links to ${urlWithoutQuery(url)} again`, context);
    followed.add(url);
    yield { items: list, continuation: url, pageNumber };
    request = pageRequest(first, url);
  }
}

function linkAt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function checkedLink(session: ConnectorSession, link: string, what: string): string {
  let url: URL;
  try {
    url = new URL(link, session.connection.baseURL);
  } catch {
    throw connectorError('OperationFailed', `the ${what} is not a URL`, { operation: 'delta' });
  }
  if (url.origin !== session.connection.origin) {
    throw connectorError('ConfigurationError', `the ${what} points to ${url.origin}, not to the connection's origin ${session.connection.origin}; it is not followed`, {
      operation: 'delta', hint: 'credentials are never sent to another origin; a stored link from another tenant or host is discarded with --restart',
    });
  }
  return /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : url.href;
}
