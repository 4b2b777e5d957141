import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDefinition } from '../../../runtime/definition/load-definition.js';
import type { DefinitionModel } from '../../../runtime/definition/model.js';
import { resolveLookupInputs, resolveLookupValue } from '../../../runtime/mapping/lookup-resolver.js';
import { office365Definition } from '../../support/project-paths.js';
import { tempStore, type TempStore } from '../state/temp-store.js';

const resolver = suite('mapping: provisioning inputs checked against synced lookups');
let definition: DefinitionModel;
let temp: TempStore;

resolver.before(async () => {
  definition = await loadDefinition(office365Definition);
});
resolver.before.each(() => {
  temp = tempStore();
  temp.store.replaceLookupValues('office365', 'Groups', [
    { code: 'Office365~g-fin', decode: 'Office365~Finance', id: 'g-fin' },
    { code: 'Office365~g-hr', decode: 'Office365~HR', id: 'g-hr' },
    { code: 'Office365~g-hr2', decode: 'Office365~HR', id: 'g-hr2' },
  ]);
  temp.store.replaceLookupValues('office365', 'Licenses', [{ code: 'Office365~sku-1', decode: 'Office365~ENTERPRISEPACK', id: 'sku-1' }]);
});
resolver.after.each(() => temp.dispose());

const user = () => definition.classes.get('user')!;

resolver('a code key, a decode or an id (any case) becomes the target id', () => {
  const out = resolveLookupInputs({ definition, state: temp.store }, user(), { displayName: 'Ann', groups: ['Office365~g-fin', 'office365~finance', 'G-HR'] });
  assert.equal(out, { displayName: 'Ann', groups: ['g-fin', 'g-fin', 'g-hr'] });
});

resolver('object values resolve their value key and keep the rest', () => {
  const out = resolveLookupInputs({ definition, state: temp.store }, user(), { licenses: [{ skuId: 'Office365~ENTERPRISEPACK', disabledPlans: ['p'] }, 'sku-1'] });
  assert.equal(out, { licenses: [{ skuId: 'sku-1', disabledPlans: ['p'] }, 'sku-1'] });
});

resolver('an unknown value is an InvalidAttributeValue naming the lookup and the value', () => {
  try {
    resolveLookupInputs({ definition, state: temp.store }, user(), { groups: ['Office365~Sales', 'g-fin'] });
    assert.unreachable('should throw');
  } catch (error) {
    assert.is((error as { kind?: string }).kind, 'InvalidAttributeValue');
    assert.match((error as Error).message, /groups: value "Office365~Sales" is not in lookup Groups \(3 values, synced /);
    assert.is((error as { context: { field?: string } }).context.field, 'groups');
  }
});

resolver('a decode shared by two entries is ambiguous; the code key or id still works', () => {
  assert.match(String((resolveLookupValue(temp.store, 'office365', 'Groups', 'Office365~HR') as { problem: string }).problem), /ambiguous in lookup Groups/);
  assert.equal(resolveLookupValue(temp.store, 'office365', 'Groups', 'Office365~g-hr2'), { id: 'g-hr2' });
});

resolver('lookups never synced check nothing; a special the target resolves itself lets unknown values through', () => {
  assert.equal(resolveLookupInputs({ definition, state: temp.store }, user(), { usageLocation: 'XX', roles: ['62e90394-69f5-4237-9190-012177145e10'] }), {
    usageLocation: 'XX',
    roles: ['62e90394-69f5-4237-9190-012177145e10'],
  });
  assert.is(resolveLookupValue(temp.store, 'office365', 'Roles', 'x'), undefined);
});

resolver('without a state store inputs pass unchanged', () => {
  const input = { groups: ['anything'] };
  assert.is(resolveLookupInputs({ definition }, user(), input), input);
});

resolver.run();
