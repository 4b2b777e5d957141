import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OimInputError, type OimSection } from '../../../runtime/import-oim/input-model.js';
import { parseInputText, readInputFiles } from '../../../runtime/import-oim/read-input.js';
import { fixturesDir, sharedDir } from '../../support/project-paths.js';

const oimDir = join(fixturesDir, 'oim');
const codes = (section: OimSection | undefined) => section?.entries.map((e) => e.code);
const byName = (sections: OimSection[], name: string) => sections.find((s) => s.name === name);

test('code=decode lines: a decode wrapped over lines and blank lines continues until the next entry', () => {
  const text = 'opTypes=“__ACCOUNT__.CREATEOP=POST",\n\n"__ACCOUNT__.UPDATEOP=PATCH"\n,"__ACCOUNT__.SEARCHOP=GET"\nhttpHeaderAccept=application/json\n';
  const [section] = parseInputText('cfg.properties', text);
  assert.is(section?.kind, 'configuration');
  assert.equal(codes(section), ['opTypes', 'httpHeaderAccept']);
  assert.is(section?.entries[0]?.decode, '“__ACCOUNT__.CREATEOP=POST",\n"__ACCOUNT__.UPDATEOP=PATCH"\n,"__ACCOUNT__.SEARCHOP=GET"');
  assert.is(section?.entries[1]?.origin.line, 5);
});

test('lines: [sections] name lookups, tabs separate columns, a copied header row is skipped', () => {
  const text = '# comment\nrelURIs="__ACCOUNT__=/users"\n[Lookup.Office365.GM.ReconAttrMap]\nCode Key\tDecode\nMail Enabled\tmailEnabled=”${mailEnabled}”\n';
  const sections = parseInputText('x.txt', text);
  assert.equal(sections.map((s) => [s.kind, s.objectClass]), [['configuration', undefined], ['reconciliation', '__GROUP__']]);
  assert.equal(sections[1]?.entries.map((e) => [e.code, e.decode]), [['Mail Enabled', 'mailEnabled=”${mailEnabled}”']]);
});

test('lines: a line that is no entry is unreadable input with its place', () => {
  try {
    parseInputText('bad.txt', 'relURIs="__ACCOUNT__=/users"\n\nthis is not an entry\n');
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.instance(error, OimInputError);
    assert.is((error as OimInputError).message.split(':').slice(0, 2).join(':'), 'bad.txt:3');
  }
});

test("the guide's configuration table: captions, wrapped decodes and multi-paragraph descriptions", () => {
  const sections = parseInputText('office365-configuration.txt', readFileSync(join(oimDir, 'office365-configuration.txt'), 'utf8'));
  const configuration = byName(sections, 'Lookup.Office365.Configuration');
  assert.equal(codes(configuration), [
    'Bundle Name', 'Bundle Version', 'Connector Name', 'Group Configuration Lookup', "relURI's", 'User Configuration', 'nameAttributes', 'uidAttributes',
    'statusAttribute', 'Any Incremental Recon Attribute Type', 'customPayload', 'httpHeaderAccept', 'httpHeaderContentType', 'jsonResourcesTag', 'opTypes',
    'passwordAttribute', 'specialAttributeHandling', 'specialAttributeTargetFormat', 'targetObjectIdentifier',
  ]);
  const opTypes = configuration?.entries.find((e) => e.code === 'opTypes');
  assert.is(opTypes?.decode.split('\n\n').length, 3, 'the three paragraphs of opTypes are one decode');
  assert.match(configuration?.entries.find((e) => e.code === 'specialAttributeHandling')?.decode ?? '', /REMOVEATTRIBUTE=SINGLE"$/);
});

test("the guide's map tables: prose such as 'Table 1-16 lists ...' is no caption, notes end a table", () => {
  const sections = parseInputText('maps.txt', readFileSync(join(oimDir, 'office365-group-maps.txt'), 'utf8'));
  assert.equal(sections.map((s) => [s.name, s.kind, s.objectClass]), [
    ['Lookup.Office365.GM.ProvAttrMap', 'provisioning', '__GROUP__'],
    ['Lookup.Office365.GM.ReconAttrMap', 'reconciliation', '__GROUP__'],
  ]);
  assert.equal(codes(sections[1]), ['ObjectId', 'Description', 'Mail Enabled', 'Mail NickName', 'Display Name', 'Security Enabled', 'OIM Org Name']);
});

test('JSON: the configuration alone, rows, or lookups by name', () => {
  const flat = parseInputText('a.json', '{"relURIs": "\\"__ACCOUNT__=/users\\"", "opTypes": "x"}');
  assert.equal(codes(flat[0]), ['relURIs', 'opTypes']);
  const rows = parseInputText('b.json', '[{"code": "relURIs", "decode": "y"}, ["opTypes", "z"]]');
  assert.equal(rows[0]?.entries.map((e) => [e.code, e.decode]), [['relURIs', 'y'], ['opTypes', 'z']]);
  const named = parseInputText('c.json', '{\n"Lookup.X.Configuration": {"relURIs": "a"},\n"Lookup.X.UM.ProvAttrMap": {"Login": "__NAME__"}\n}');
  assert.equal(named.map((s) => s.kind), ['configuration', 'provisioning']);
  assert.is(named[1]?.entries[0]?.origin.line, 3);
});

test('JSON errors and missing configuration are unreadable input', () => {
  assert.throws(() => parseInputText('d.json', '{"relURIs": }'), (e: unknown) => e instanceof OimInputError && e.message.startsWith('d.json:1: invalid JSON'));
  assert.throws(() => parseInputText('e.json', '{"relURIs": 3}'), (e: unknown) => e instanceof OimInputError && /must be a string/.test(e.message));
  assert.throws(() => readInputFiles([join(oimDir, 'office365-group-maps.txt')]), (e: unknown) => e instanceof OimInputError && /no OIM configuration lookup found/.test(e.message));
  assert.throws(() => readInputFiles([join(oimDir, 'missing.txt')]), (e: unknown) => e instanceof OimInputError && /cannot read the input: no such file/.test(e.message));
});

test('the fixtures are verbatim extracts of the seed guide', () => {
  const seed = readFileSync(join(sharedDir, 'seeds', '003_3fc3efda19d675aa.txt'), 'utf8');
  for (const file of ['office365-configuration.txt', 'office365-user-maps.txt', 'office365-group-maps.txt']) {
    for (const line of readFileSync(join(oimDir, file), 'utf8').split('\n')) assert.ok(seed.includes(line), `${file}: ${line}`);
  }
});

test.run();
