// RFC 4180 CSV, streamed: text is pushed in chunks of any size (a quoted value may span
// chunks and lines), whole records come out with the line they start on.
// An unquoted empty cell reads as null, a quoted empty cell ("") as the empty string, so that
// a file can tell "no value" from "empty value"; `formatCsvRow` writes them back the same way.

export interface CsvRecord {
  /** The line the record starts on (1-based, counting the header). */
  line: number;
  cells: (string | null)[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

type State = 'cellStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

export class CsvParser {
  private state: State = 'cellStart';
  private cell = '';
  private cells: (string | null)[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The last character was a CR: a following LF belongs to the same line break. */
  private afterCr = false;
  private out: CsvRecord[] = [];

  /** Parses the chunk; returns the records it completed. */
  push(text: string): CsvRecord[] {
    for (const char of text) this.consume(char);
    return this.take();
  }

  /** Ends the input; returns the last record if the text did not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') throw new CsvSyntaxError(this.quoteLine, `the quoted value that starts on line ${this.quoteLine} is never closed`);
    if (this.state !== 'cellStart' || this.cells.length > 0) this.endRecord();
    return this.take();
  }

  private consume(char: string): void {
    const lineBreak = char === '\n' || char === '\r';
    if (lineBreak && !(char === '\n' && this.afterCr)) this.line += 1;
    const crlfTail = char === '\n' && this.afterCr;
    this.afterCr = char === '\r';
    switch (this.state) {
      case 'quoted':
        if (char === '"') this.state = 'quoteInQuoted';
        else this.cell += char;
        return;
      case 'quoteInQuoted':
        if (char === '"') {
          this.cell += '"';
          this.state = 'quoted';
          return;
        }
        if (char === ',') return this.endCell(true);
        if (lineBreak) return this.endRecord(true);
        throw new CsvSyntaxError(this.line, `unexpected character ${JSON.stringify(char)} after the closing quote of value ${this.cells.length + 1}; a quoted value must end at a comma or a line break`);
      case 'cellStart':
        if (crlfTail) return;
        if (char === '"') {
          this.state = 'quoted';
          this.quoteLine = this.line;
          return;
        }
        if (lineBreak && this.cells.length === 0) return this.skipBlankLine();
        return this.unquoted(char, lineBreak);
      case 'unquoted':
        return this.unquoted(char, lineBreak);
    }
  }

  private unquoted(char: string, lineBreak: boolean): void {
    if (char === ',') return this.endCell(false);
    if (lineBreak) return this.endRecord();
    if (char === '"') {
      throw new CsvSyntaxError(this.line, `a quote inside unquoted value ${this.cells.length + 1}; put the whole value in quotes and double the quote ("")`);
    }
    this.cell += char;
    this.state = 'unquoted';
  }

  private endCell(quoted = this.state !== 'unquoted' && this.state !== 'cellStart'): void {
    this.cells.push(quoted || this.cell !== '' ? this.cell : null);
    this.cell = '';
    this.state = 'cellStart';
  }

  private endRecord(quoted?: boolean): void {
    this.endCell(quoted);
    this.out.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
    this.recordLine = this.line;
  }

  private skipBlankLine(): void {
    this.recordLine = this.line;
  }

  private take(): CsvRecord[] {
    const records = this.out;
    this.out = [];
    return records;
  }
}

/** One record as CSV text, ending with CRLF (RFC 4180). */
export function formatCsvRow(cells: readonly (string | null)[]): string {
  return `${cells.map(formatCsvCell).join(',')}\r\n`;
}

export function formatCsvCell(value: string | null): string {
  if (value === null) return '';
  // Quote what would change meaning unquoted, and what tools tend to trim (outer spaces).
  if (value === '' || /[",\r\n]/.test(value) || value.trim() !== value) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
