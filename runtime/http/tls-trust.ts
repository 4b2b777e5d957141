// Which certificate authorities a connection trusts. Without an explicit CA, Node's defaults
// apply (its bundled roots plus NODE_EXTRA_CA_CERTS). An explicit CA must be added to those:
// Node's `ca` option replaces the default list instead of extending it.
import { existsSync, readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

/** `ca` is PEM text or the path of a PEM file; undefined keeps Node's defaults. */
export function trustedCertificates(ca: string | undefined): string[] | undefined {
  if (ca === undefined || ca.trim() === '') return undefined;
  const explicit = ca.includes('-----BEGIN') ? ca : readFileSync(ca, 'utf8');
  const extraFile = process.env['NODE_EXTRA_CA_CERTS'];
  const extra = extraFile && existsSync(extraFile) ? [readFileSync(extraFile, 'utf8')] : [];
  return [...rootCertificates, ...extra, explicit];
}
