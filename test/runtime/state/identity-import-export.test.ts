import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportIdentities, IdentityImportError, importIdentities, type IdentityFields } from '../../../runtime/state/index.js';
import { tempStore, type TempStore } from './temp-store.js';

const files = suite('state: identity import and export');
let temp: TempStore;

files.before.each(() => { temp = tempStore(); });
files.after.each(() => temp.dispose());

const tricky: IdentityFields[] = [
  { login: 'smith', displayName: 'Smith, John', note: 'He said "hi"\r\nthen left', city: 'Zürich', empty: '', padded: '  x  ' },
  { login: 'zoe', displayName: 'Zoë 日本語 🎉', note: 'line1\nline2', city: null, empty: '', padded: 'y' },
  { login: '=cmd', displayName: '"quoted"', note: ',', city: 'São Paulo' },
];

function write(name: string, text: string): string {
  const file = join(temp.dir, name);
  writeFileSync(file, text);
  return file;
}

function importError(file: string, options: Parameters<typeof importIdentities>[2] = {}): IdentityImportError {
  try {
    importIdentities(temp.store, file, options);
  } catch (error) {
    assert.instance(error, IdentityImportError);
    return error as IdentityImportError;
  }
  throw new Error('import did not fail');
}

const allFields = (): Record<string, unknown>[] => [...temp.store.allIdentities()].map((i) => i.fields);
const withoutNulls = (fields: IdentityFields): Record<string, unknown> => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

files('CSV round trip keeps quotes, commas, line breaks, non-ASCII, empty strings and missing values', () => {
  temp.store.createIdentities(tricky);
  const file = join(temp.dir, 'people.csv');
  assert.is(exportIdentities(temp.store, file), 3);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('login,displayName,note,city,empty,padded\r\n'), text);
  assert.ok(text.includes('"Smith, John","He said ""hi""\r\nthen left",Zürich,"","  x  "\r\n'), text);
  const copy = tempStore();
  try {
    const result = importIdentities(copy.store, file);
    assert.equal(result, { records: 3, created: 3, updated: 0, unchanged: 0 });
    assert.equal([...copy.store.allIdentities()].map((i) => i.fields), tricky.map(withoutNulls));
  } finally {
    copy.dispose();
  }
});

files('NDJSON round trip keeps value types', () => {
  temp.store.createIdentities([...tricky, { login: 'n', employeeNumber: 42, active: false, ratio: 0.5 }]);
  const file = join(temp.dir, 'people.ndjson');
  assert.is(exportIdentities(temp.store, file), 4);
  assert.is(readFileSync(file, 'utf8').split('\n').length, 5);
  const copy = tempStore();
  try {
    importIdentities(copy.store, file);
    assert.equal([...copy.store.allIdentities()].map((i) => i.fields), allFields());
  } finally {
    copy.dispose();
  }
});

files('CSV values are text; a BOM is ignored; chosen columns are exported in order', () => {
  importIdentities(temp.store, write('hr.csv', '\uFEFFlogin,employeeNumber,active\r\nada,42,true\r\n'));
  assert.equal(allFields(), [{ login: 'ada', employeeNumber: '42', active: 'true' }]);
  const file = join(temp.dir, 'out.csv');
  exportIdentities(temp.store, file, { fields: ['active', 'login', 'missing'] });
  assert.is(readFileSync(file, 'utf8'), 'active,login,missing\r\ntrue,ada,\r\n');
});

files('with a key field, an import updates matching identities and creates the others', () => {
  temp.store.createIdentity({ employeeId: 'E1', title: 'Engineer', mail: 'ada@contoso.com' });
  temp.store.createIdentity({ employeeId: 'E2', title: 'Manager' });
  const result = importIdentities(temp.store, write('feed.csv', 'employeeId,title\nE1,Architect\nE2,Manager\nE3,Intern\n'), { keyField: 'employeeId' });
  assert.equal(result, { records: 3, created: 1, updated: 1, unchanged: 1 });
  assert.equal(allFields(), [
    { employeeId: 'E1', title: 'Architect', mail: 'ada@contoso.com' },
    { employeeId: 'E2', title: 'Manager' },
    { employeeId: 'E3', title: 'Intern' },
  ]);
});

files('a bad CSV file imports nothing and names file, line and problem for every bad line', () => {
  temp.store.createIdentity({ login: 'before' });
  const file = write('bad.csv', 'login,mail\nok,ok@x\nshort\nalso,ok@x\ntoo,many,cells\n');
  const error = importError(file);
  assert.equal(error.problems, [
    { file, line: 3, message: 'has 1 values, the header has 2 columns' },
    { file, line: 5, message: 'has 3 values, the header has 2 columns' },
  ]);
  assert.match(error.message, `${file}:3: has 1 values, the header has 2 columns`);
  assert.match(error.message, /^ConfigurationError: identity import failed: nothing was imported from/);
  assert.equal(allFields(), [{ login: 'before' }], 'nothing half-written');
});

files('CSV syntax errors and bad headers stop the import with the line', () => {
  assert.equal(importError(write('q.csv', 'a,b\n1,2\n3,"open\n')).problems.map((p) => [p.line, p.message]), [[3, 'the quoted value that starts on line 3 is never closed']]);
  assert.equal(importError(write('s.csv', 'a,b\n1,x"y\n')).problems.map((p) => p.line), [2]);
  assert.match(importError(write('h.csv', 'a,,c\n1,2,3\n')).problems[0]?.message ?? '', 'header column 2: a field name is empty');
  assert.match(importError(write('d.csv', 'a,b,a\n1,2,3\n')).problems[0]?.message ?? '', 'header column 3: field "a" appears twice');
  assert.match(importError(write('e.csv', '')).problems[0]?.message ?? '', 'is empty');
  assert.is(temp.store.countIdentities(), 0);
});

files('a bad NDJSON file names every bad line', () => {
  const file = write('bad.ndjson', '{"login":"ok"}\n{"login": \n[1,2]\n\n{"groups":["a"]}\n"text"\n{"login":"fine"}\r\n');
  const error = importError(file);
  assert.equal(error.problems.map((p) => p.line), [2, 3, 5, 6]);
  assert.match(error.problems[0]?.message ?? '', /^is not JSON: /);
  assert.match(error.problems[1]?.message ?? '', 'holds an array; each line must be one JSON object');
  assert.match(error.problems[2]?.message ?? '', 'field "groups" holds an array');
  assert.match(error.problems[3]?.message ?? '', 'holds "text"');
  assert.is(temp.store.countIdentities(), 0);
});

files('key field problems: missing value, ambiguous match', () => {
  temp.store.createIdentities([{ employeeId: 'E1' }, { employeeId: 'E1' }]);
  const error = importError(write('k.ndjson', '{"employeeId":"E1","x":"1"}\n{"x":"2"}\n'), { keyField: 'employeeId' });
  assert.equal(error.problems.map((p) => [p.line, p.message]), [
    [1, 'employeeId "E1" matches 2 identities; the key field must be unique'],
    [2, 'has no value for the key field "employeeId"'],
  ]);
});

files('stops after maxProblems, says so, and reports unreadable files', () => {
  const lines = Array.from({ length: 50 }, () => 'not json').join('\n');
  const error = importError(write('many.ndjson', lines), { maxProblems: 5 });
  assert.is(error.problems.length, 5);
  assert.match(error.message, '(more problems not shown)');
  assert.match(importError(join(temp.dir, 'missing.csv')).message, /cannot read .*missing\.csv: no such file/);
  const latin1 = join(temp.dir, 'latin1.csv');
  writeFileSync(latin1, Buffer.from([0x6c, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]));
  assert.match(importError(latin1).message, 'is not valid UTF-8');
});

files('an export that fails leaves no partial file behind', () => {
  temp.store.createIdentity({ a: '1' });
  const file = join(temp.dir, 'out.csv');
  temp.store.close();
  assert.throws(() => exportIdentities(temp.store, file));
  assert.not.ok(existsSync(file));
  assert.equal(readdirSync(temp.dir).filter((f) => f.includes('partial')), []);
  temp.reopen();
});

files('100,000 identities import and export in bounded time with flat memory', () => {
  const file = join(temp.dir, 'big.csv');
  const header = 'login,mail,employeeNumber,department\r\n';
  writeFileSync(file, header + Array.from({ length: 100_000 }, (_, i) => `user${i},"User${i}@Contoso.com",${i},dept ${i % 50}\r\n`).join(''));
  let started = performance.now();
  assert.is(importIdentities(temp.store, file).created, 100_000);
  const importMs = performance.now() - started;
  started = performance.now();
  assert.is(exportIdentities(temp.store, join(temp.dir, 'big.ndjson')), 100_000);
  const exportMs = performance.now() - started;
  console.log(`    100k identities: CSV import ${importMs.toFixed(0)} ms, NDJSON export ${exportMs.toFixed(0)} ms`);
  assert.equal(temp.store.findIdentities('mail', 'user99999@contoso.com', { ignoreCase: true }).length, 1);
  assert.ok(importMs < 30_000 && exportMs < 10_000);
});

files.run();
