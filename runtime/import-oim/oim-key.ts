// The keys of OIM's list entries: OBJ_CLASS[.ATTR_NAME][.OP], e.g. "__ACCOUNT__.CREATEOP",
// "__ACCOUNT__.__GROUP__.DELETEOP", "__GROUP__.member", "__ACCOUNT__.__LICENSE__.ADDATTRIBUTE".

export const oimOperations = ['CREATEOP', 'UPDATEOP', 'DELETEOP', 'SEARCHOP', 'ADDATTRIBUTE', 'REMOVEATTRIBUTE'] as const;
export type OimOperation = (typeof oimOperations)[number];

export interface OimKey {
  objectClass: string;
  /** Special attribute, e.g. "__GROUP__" or "manager". */
  attribute?: string;
  operation?: OimOperation;
}

function isOperation(text: string): text is OimOperation {
  return (oimOperations as readonly string[]).includes(text);
}

export function parseOimKey(key: string): OimKey {
  const parts = key.replace(/\s+/g, '').split('.').filter((p) => p !== '');
  const objectClass = parts.shift() ?? '';
  const last = parts[parts.length - 1]?.toUpperCase();
  const operation = last !== undefined && isOperation(last) ? last : undefined;
  if (operation) parts.pop();
  return {
    objectClass,
    ...(parts.length > 0 && { attribute: parts.join('.') }),
    ...(operation && { operation }),
  };
}

export function formatOimKey(key: OimKey): string {
  return [key.objectClass, key.attribute, key.operation].filter((p) => p !== undefined).join('.');
}

/** ICF's own class names: __ACCOUNT__, __GROUP__, ... */
export function isIcfName(text: string): boolean {
  return /^__[A-Z][A-Z0-9_]*__$/.test(text);
}
