// Bulk read of special attribute values through their inverse: the members of each group the
// policy names, once, instead of the groups of every account. Only the values read (the
// universe) are then managed for the accounts.
import { readSpecialValues } from '../operations/read-objects.js';
import { runConcurrently } from '../operations/run-concurrently.js';
import type { ConnectorSession } from '../operations/session.js';
import type { SpecialRuleModel } from './policy-model.js';

export interface InverseValues {
  /** Lower-case value uids whose accounts were read. */
  readonly universe: ReadonlySet<string>;
  /** Lower-case account uid -> the values (as read) it has among the universe. */
  readonly byAccount: ReadonlyMap<string, readonly string[]>;
}

export async function readInverse(session: ConnectorSession, rule: SpecialRuleModel, values: Iterable<string>): Promise<InverseValues> {
  const inverse = rule.inverse!;
  const unique = new Map<string, string>();
  for (const value of values) unique.set(value.toLowerCase(), value);
  const byAccount = new Map<string, string[]>();
  const results = await runConcurrently([...unique.values()], session.concurrency, async (value) => {
    const accounts = await readSpecialValues(session, inverse.cls, inverse.special, value, undefined);
    for (const account of Array.isArray(accounts) ? accounts : []) {
      if (typeof account !== 'string') continue;
      const key = account.toLowerCase();
      const list = byAccount.get(key);
      if (list) list.push(value);
      else byAccount.set(key, [value]);
    }
  });
  for (const result of results) if (!result.ok) throw result.error;
  return { universe: new Set(unique.keys()), byAccount };
}
