// How a request is named in logs and errors: method and URL with credentials, secret-looking
// query values and every registered secret replaced. The query keeps its original encoding
// so that the URL reads as it was sent.
import { isSecretKey, redacted, type Redactor } from '../redaction.js';

// Signed-URL and API-key parameters that the general secret-key pattern does not catch.
const secretQueryKey = /^(sig|signature|key|code|client_assertion)$|[-_.](signature|key)$/i;

export function isSecretQueryKey(key: string): boolean {
  return isSecretKey(key) || secretQueryKey.test(key);
}

export function redactUrl(url: string, redactor: Redactor): string {
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf('?');
  const head = (queryAt < 0 ? withoutHash : withoutHash.slice(0, queryAt)).replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, '$1');
  const query = queryAt < 0 ? undefined : withoutHash.slice(queryAt + 1);
  const safeQuery = query
    ?.split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      return isSecretQueryKey(safeDecode(pair.slice(0, equals))) ? `${pair.slice(0, equals)}=${redacted}` : pair;
    })
    .join('&');
  return redactor.redactText(safeQuery === undefined ? head : `${head}?${safeQuery}`);
}

/** "GET https://host/path?$top=5" with secrets removed. */
export function describeRequest(method: string, url: string, redactor: Redactor): string {
  return `${method} ${redactUrl(url, redactor)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
