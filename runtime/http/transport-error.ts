// The error a request becomes when no response could be had: it names the step, the method
// and the redacted URL, and what went wrong - never the got error itself, whose options
// carry the request headers (Authorization included).
import { connectorError, type ConnectorError } from '../errors.js';
import type { Redactor } from '../redaction.js';
import { describeRequest } from './describe-request.js';
import { errorCode, type NetworkFailure } from './network-error.js';
import type { PreparedRequest } from './types.js';

const tlsTrustCodes = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** Codes of a server certificate that is not trusted (as opposed to a network that is down). */
export function isTlsTrustCode(code: string | undefined): boolean {
  return code !== undefined && tlsTrustCodes.test(code);
}

export const tlsTrustHint = "the server's certificate is not trusted; add its CA with NODE_EXTRA_CA_CERTS or the ca option";

export interface FailureSummary {
  readonly attempts: number;
  readonly elapsedMs: number;
}

export function transportError(request: PreparedRequest, error: unknown, failure: NetworkFailure | undefined, summary: FailureSummary, redactor: Redactor): ConnectorError {
  const described = describeRequest(request.method, request.url, redactor);
  const code = failure?.code ?? errorCode(error);
  const reason = redactor.redactText(error instanceof Error ? error.message : String(error));
  const tries = summary.attempts === 1 ? '1 attempt' : `${summary.attempts} attempts`;
  const detail = `${described}: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''} after ${tries} in ${summary.elapsedMs} ms`;
  const hint = isTlsTrustCode(code)
    ? tlsTrustHint
    : failure?.timeout
      ? 'the target did not answer in time; raise connection.timeoutMs or retry later'
      : undefined;
  return connectorError(failure?.timeout ? 'ServiceUnavailable' : 'ConnectionFailed', detail, {
    operation: request.label,
    request: described,
    ...(hint && { hint }),
  });
}
