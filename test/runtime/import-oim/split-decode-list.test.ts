import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OimEntry } from '../../../runtime/import-oim/input-model.js';
import { splitDecodeList } from '../../../runtime/import-oim/split-decode-list.js';

function entry(decode: string, code = 'relURIs'): OimEntry {
  return { code, decode, origin: { file: 'in.txt', line: 10 }, decodeLine: 12 };
}

const pairs = (decode: string) => splitDecodeList(entry(decode)).map((i) => [i.key, i.value]);

test('straight and curly quotes delimit the same items', () => {
  assert.equal(pairs('“__ACCOUNT__.CREATEOP=POST","__ACCOUNT__.UPDATEOP=PATCH”'), [
    ['__ACCOUNT__.CREATEOP', 'POST'],
    ['__ACCOUNT__.UPDATEOP', 'PATCH'],
  ]);
});

test('line breaks, blank lines and a leading comma between items are skipped, and each item keeps its line', () => {
  const items = splitDecodeList(entry('"__ACCOUNT__.__GROUP__.CREATEOP=SINGLE"\n\n,"__ACCOUNT__.manager.UPDATEOP=SINGLE",\n\n"__ACCOUNT__.__LICENSE__.ADDATTRIBUTE=SINGLE"'));
  assert.equal(items.map((i) => i.key), ['__ACCOUNT__.__GROUP__.CREATEOP', '__ACCOUNT__.manager.UPDATEOP', '__ACCOUNT__.__LICENSE__.ADDATTRIBUTE']);
  assert.equal(items.map((i) => i.origin.line), [12, 14, 16]);
});

test('a trailing "" is not an item', () => {
  assert.equal(pairs('"__ACCOUNT__.manager=/$(tenant_id)$/users/$(__UID__)$/$links/manager?$(api_version)$""'), [
    ['__ACCOUNT__.manager', '/$(tenant_id)$/users/$(__UID__)$/$links/manager?$(api_version)$'],
  ]);
});

test('stray spaces around the key and inside quotes are trimmed', () => {
  assert.equal(pairs('"__ACCOUNT__.__LICENSE__.ADDATTRIBUTE ={\\"a\\": 1}"'), [['__ACCOUNT__.__LICENSE__.ADDATTRIBUTE', '{"a": 1}']]);
  assert.equal(splitDecodeList(entry('"__ACCOUNT__.userPrincipalName "', 'nameAttributes'))[0]?.value, '__ACCOUNT__.userPrincipalName');
});

test('escaped quotes inside a payload are unescaped and do not end the item', () => {
  const items = splitDecodeList(entry('"__ACCOUNT__.__LICENSE__.REMOVEATTRIBUTE={\\"addLicenses\\": [],\\"removeLicenses\\": [\\"<skuId>\\"]}","__ACCOUNT__.x=y"', 'customPayload'));
  assert.is(items[0]?.value, '{"addLicenses": [],"removeLicenses": ["<skuId>"]}');
  assert.is(items[1]?.key, '__ACCOUNT__.x');
});

test('unescaped quotes inside braces do not end the item either', () => {
  assert.equal(pairs('"__ACCOUNT__.x={"a":"b","c":"d"}","__ACCOUNT__.y=z"'), [
    ['__ACCOUNT__.x', '{"a":"b","c":"d"}'],
    ['__ACCOUNT__.y', 'z'],
  ]);
});

test('the broken first customPayload fragment of the guide stays a keyless item, with its raw text', () => {
  const items = splitDecodeList(entry('\\"}","__ACCOUNT__.__GROUP__.CREATEOP={\\"url \\":\\<tenant_id>/directoryObjects/ <__UID__> \\"}"', 'customPayload'));
  assert.is(items.length, 2);
  assert.is(items[0]?.key, undefined);
  assert.is(items[0]?.raw, '\\"}"');
  assert.is(items[1]?.value, '{"url ":<tenant_id>/directoryObjects/ <__UID__> "}');
});

test('unquoted lists are split on commas outside braces', () => {
  assert.equal(pairs('__ACCOUNT__=value, __GROUP__=value'), [
    ['__ACCOUNT__', 'value'],
    ['__GROUP__', 'value'],
  ]);
  assert.equal(splitDecodeList(entry('passwordProfile.password', 'passwordAttribute')).map((i) => [i.key, i.value]), [[undefined, 'passwordProfile.password']]);
});

test.run();
