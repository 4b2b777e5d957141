// The connector operations of the CLI contract and how they address an object class.
import { connectorError } from '../errors.js';
import { findClass, type DefinitionModel, type ObjectClassModel, type PagingModel } from '../definition/model.js';
import { didYouMean } from '../definition/did-you-mean.js';

export const connectorOperations = [
  'create',
  'update',
  'delete',
  'get',
  'search',
  'add-values',
  'remove-values',
  'enable',
  'disable',
  'set-password',
  'restore',
] as const;

export type ConnectorOperation = (typeof connectorOperations)[number];

export function isConnectorOperation(name: string): name is ConnectorOperation {
  return (connectorOperations as readonly string[]).includes(name);
}

export function requireClass(definition: DefinitionModel, name: string | undefined): ObjectClassModel {
  if (!name) throw connectorError('ConfigurationError', `--class is required; classes: ${[...definition.classes.keys()].join(', ')}`);
  const cls = findClass(definition, name);
  if (!cls) {
    const names = [...definition.classes.values()].flatMap((c) => (c.icfName ? [c.name, c.icfName] : [c.name]));
    throw connectorError('ConfigurationError', `unknown class "${name}"${didYouMean(name, names)}; classes: ${[...definition.classes.keys()].join(', ')}`);
  }
  return cls;
}

export function requireUid(operation: string, uid: string | undefined): string {
  if (!uid) throw connectorError('ConfigurationError', `${operation} needs --uid`);
  return uid;
}

/** The page size a paging strategy asks for, with its template rendered. */
export function resolvePageSize(paging: PagingModel, config: Readonly<Record<string, unknown>>): number | undefined {
  if (paging.type === 'none' || paging.pageSize === undefined) return undefined;
  const size = typeof paging.pageSize === 'number' ? paging.pageSize : Number(paging.pageSize.render({ config }));
  if (!Number.isInteger(size) || size < 1) throw connectorError('ConfigurationError', `paging page size must be a positive integer, not ${String(size)}`);
  return size;
}

/** Query parameters the first page request carries, by paging strategy. */
export function firstPageQuery(paging: PagingModel, pageSize: number | undefined): Array<readonly [string, string]> {
  switch (paging.type) {
    case 'nextLink':
    case 'cursor':
      return paging.pageSizeParam && pageSize !== undefined ? [[paging.pageSizeParam, String(pageSize)]] : [];
    case 'offset':
      return [
        [paging.offsetParam, String(paging.firstOffset)],
        ...(pageSize !== undefined ? [[paging.limitParam, String(pageSize)] as const] : []),
      ];
    case 'none':
      return [];
  }
}
