import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDefinition } from '../../../runtime/definition/load-definition.js';
import type { DefinitionModel, ObjectClassModel } from '../../../runtime/definition/model.js';
import { compileAttributeMap } from '../../../runtime/mapping/attribute-map.js';
import { mapAccount } from '../../../runtime/mapping/map-account.js';
import { mapFieldsToAttributes } from '../../../runtime/mapping/map-fields.js';
import { compileMapReader } from '../../../runtime/mapping/map-reader.js';
import { office365Definition } from '../../support/project-paths.js';

const maps = suite('mapping: attribute maps');
let definition: DefinitionModel;
let user: ObjectClassModel;
const config = { itResource: 'Office365', domain: 'contoso.com' };

maps.before(async () => {
  definition = await loadDefinition(office365Definition);
  user = definition.classes.get('user')!;
});

const raw = {
  id: 'u-1',
  userPrincipalName: 'ann@contoso.com',
  accountEnabled: false,
  displayName: 'Ann',
  givenName: 'Ann',
  surname: null,
  city: 'Oslo',
  assignedLicenses: [{ skuId: 'sku-b', disabledPlans: [] }, { skuId: 'sku-a', disabledPlans: ['p'] }],
};

maps('the reconciliation map reads ICF names, attributes and special attributes, sorted by field', () => {
  const map = compileAttributeMap(definition, user, 'reconciliation', config)!;
  assert.equal(map.fields.map((f) => f.field), [...map.fields.map((f) => f.field)].sort());
  assert.equal([...map.requestedSpecials].sort(), ['groups', 'manager', 'roles']);
  const mapped = mapAccount(map, compileMapReader(map)(raw), undefined, new Set(map.requestedSpecials));
  assert.is(mapped.fields['Object Id'], 'u-1');
  assert.is(mapped.fields['User Principal Name'], 'ann@contoso.com');
  assert.is(mapped.fields['Status'], 'Disabled', '__ENABLE__ false through the value map');
  assert.is(mapped.fields['Last Name'], null, 'absent or null values are null');
  assert.equal(mapped.fields['Licenses~Licesnse Name[Lookup]'], ['sku-a', 'sku-b'], 'license objects become their sorted skuIds');
  assert.equal(mapped.skipped.sort(), ['Group Names~Group Name[Lookup]', 'Manager', 'Roles~Role Name[Lookup]']);
});

maps('lookup fields turn target ids into code keys when the lookup lists them', () => {
  const map = compileAttributeMap(definition, user, 'reconciliation', config)!;
  const codes = { codeOf: (lookup: string, id: string) => (lookup === 'Licenses' && id === 'sku-a' ? 'Office365~sku-a' : undefined) };
  const mapped = mapAccount(map, compileMapReader(map)(raw), codes, new Set(map.requestedSpecials));
  assert.equal(mapped.fields['Licenses~Licesnse Name[Lookup]'], ['Office365~sku-a', 'sku-b']);
});

maps('the trusted map gives identity fields and the Active/Disabled status', () => {
  const map = compileAttributeMap(definition, user, 'trusted', config)!;
  const mapped = mapAccount(map, compileMapReader(map)({ ...raw, accountEnabled: true }), undefined, new Set(map.requestedSpecials));
  assert.is(mapped.fields['User Login'], 'ann@contoso.com');
  assert.is(mapped.fields['Office365 GUID'], 'u-1');
  assert.is(mapped.fields['Status'], 'Active');
});

maps('the provisioning map turns form fields into connector attributes, with transforms', () => {
  const map = compileAttributeMap(definition, user, 'provisioning', config)!;
  const input = mapFieldsToAttributes(map, { 'User Principal Name': 'ann@contoso.com', 'Account Enabled': 'false', 'Object Id': 'u-1', 'Group Names~Group Name[Lookup]': ['Office365~g1'] });
  assert.equal(input, { uid: 'u-1', attributes: { __NAME__: 'ann@contoso.com', accountEnabled: false, groups: ['Office365~g1'] } });
});

maps('a class without such a map has none', () => {
  assert.is(compileAttributeMap(definition, definition.classes.get('license')!, 'trusted', config), undefined);
});

maps.run();
