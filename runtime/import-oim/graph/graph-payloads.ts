// Azure AD Graph payloads -> Microsoft Graph v1.0 payloads:
//   {"url": ".../directoryObjects/<id>"}  -> {"@odata.id": "{{connection.baseURL}}/directoryObjects/<id>"}
//   assignLicense {"addLicenses": [{"skuId"}]} -> each added license also has "disabledPlans": []
import type { PayloadTemplate } from '../../generated/definition.js';

export interface PayloadChange {
  what: string;
  from: unknown;
  to: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The reference payload of $ref requests, from an Azure AD Graph {"url": ...} payload. */
function referencePayload(payload: Record<string, unknown>): Record<string, string> | undefined {
  const keys = Object.keys(payload);
  const url = payload.url;
  if (keys.length !== 1 || typeof url !== 'string') return undefined;
  const placeholders = url.match(/\{\{[^}]+\}\}/g);
  const id = placeholders?.[placeholders.length - 1];
  if (!id || id.includes('config.') || id.includes('connection.')) return undefined;
  return { '@odata.id': `{{connection.baseURL}}/directoryObjects/${id}` };
}

function withDisabledPlans(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const add = payload.addLicenses;
  if (!Array.isArray(add) || !add.some((item) => isRecord(item) && !('disabledPlans' in item))) return undefined;
  return { ...payload, addLicenses: add.map((item) => (isRecord(item) && !('disabledPlans' in item) ? { ...item, disabledPlans: [] } : item)) };
}

export function translatePayloadForGraph(payload: PayloadTemplate, relURI: string | undefined): { payload: PayloadTemplate; changes: PayloadChange[] } {
  if (!isRecord(payload)) return { payload, changes: [] };
  const reference = referencePayload(payload);
  if (reference) {
    return { payload: reference, changes: [{ what: 'Azure AD Graph {"url": ...} references are {"@odata.id": ...} in Microsoft Graph', from: payload, to: reference }] };
  }
  if (relURI !== undefined && /\/assignLicense$/.test(relURI)) {
    const licenses = withDisabledPlans(payload);
    if (licenses) return { payload: licenses, changes: [{ what: 'Microsoft Graph assignLicense: each added license is {"skuId", "disabledPlans"}', from: payload, to: licenses }] };
  }
  return { payload, changes: [] };
}
