import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CsvParser, CsvSyntaxError, formatCsvCell, formatCsvRow, type CsvRecord } from '../../../runtime/state/csv.js';

const csv = suite('state: RFC 4180 CSV');

/** Parses text pushed in chunks of `size` characters (1 = the worst case for a streaming parser). */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

csv('reads plain records with LF, CRLF and no final line break', () => {
  for (const size of [1, 2, 1000]) {
    assert.equal(parse('a,b\r\n1,2\n3,4', size), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  }
});

csv('quoted values hold commas, doubled quotes, line breaks and non-ASCII; line numbers count physical lines', () => {
  const text = 'name,note\r\n"Smith, John","He said ""hi""\r\nthen left"\r\nZoë,"日本語 🎉"\r\n';
  for (const size of [1, 3, 1000]) {
    assert.equal(parse(text, size), [
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Smith, John', 'He said "hi"\r\nthen left'] },
      { line: 4, cells: ['Zoë', '日本語 🎉'] },
    ]);
  }
});

csv('an unquoted empty cell is null, a quoted empty cell is the empty string', () => {
  assert.equal(parse('a,,""\n,x,\n').map((r) => r.cells), [['a', null, ''], [null, 'x', null]]);
});

csv('blank lines are skipped but still counted', () => {
  assert.equal(parse('a\n\n\r\nb\n'), [{ line: 1, cells: ['a'] }, { line: 4, cells: ['b'] }]);
});

csv('names the line of a quote inside an unquoted value', () => {
  try {
    parse('a,b\nx,y"z\n');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, CsvSyntaxError);
    assert.is((error as CsvSyntaxError).line, 2);
    assert.match((error as Error).message, 'a quote inside unquoted value 2');
  }
});

csv('names the line of text after a closing quote', () => {
  assert.throws(() => parse('a\n"x"y\n'), (error: unknown) => error instanceof CsvSyntaxError && error.line === 2 && /after the closing quote of value 1/.test(error.message));
});

csv('names the line where an unclosed quote starts', () => {
  assert.throws(() => parse('a,b\n1,"open\nmore\nlines'), (error: unknown) => error instanceof CsvSyntaxError && error.line === 2 && /starts on line 2 is never closed/.test(error.message));
});

csv('writes cells that read back the same', () => {
  const cells = ['plain', '', null, 'com,ma', 'quo"te', 'line\nbreak', 'cr\r\nlf', ' padded ', 'Zoë 日本語', '=1+1'];
  assert.is(formatCsvCell('"'), '""""');
  assert.is(formatCsvRow(['a', null, '']), 'a,,""\r\n');
  for (const size of [1, 7, 1000]) assert.equal(parse(formatCsvRow(cells) + formatCsvRow(cells), size).map((r) => r.cells), [cells, cells]);
});

csv.run();
