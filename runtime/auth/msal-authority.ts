// The authority MSAL is given: "<authorityHost>/<tenantId>". MSAL trusts only the hosts in
// its own instance-discovery metadata; any other host (a sovereign deployment it does not
// know, a local fake) must be declared as a known authority or MSAL refuses it.
import { connectorError } from '../errors.js';

/**
 * Hosts MSAL knows without discovery: the aliases in msal-common's hard-coded
 * InstanceDiscoveryMetadata (src/authority/AuthorityMetadata.ts). Declaring one of these as a
 * known authority would switch off MSAL's instance discovery for it, so they are left alone.
 */
export const msalWellKnownHosts: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
  'login.sovcloud-identity.fr',
  'login.sovcloud-identity.de',
  'login.sovcloud-identity.sg',
]);

export interface MsalAuthority {
  readonly authority: string;
  /** [host:port] for a host MSAL does not know; empty otherwise. */
  readonly knownAuthorities: string[];
}

export function msalAuthority(authorityHost: string, tenantId: string): MsalAuthority {
  let url: URL;
  try {
    url = new URL(authorityHost);
  } catch {
    throw configuration(`auth.authorityHost "${authorityHost}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:') throw configuration(`auth.authorityHost "${authorityHost}" must use https`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const host = url.host.toLowerCase();
  return {
    authority: `${base}/${encodeURIComponent(tenantId)}`,
    knownAuthorities: msalWellKnownHosts.has(host) ? [] : [host],
  };
}

function configuration(detail: string) {
  return connectorError('ConfigurationError', detail, { operation: 'authenticate', field: 'auth.authorityHost' });
}
