// NDJSON, streamed: text is pushed in chunks of any size, whole lines come out with their
// number. Blank lines are skipped; a line may end with LF or CRLF.

export interface NumberedLine {
  line: number;
  text: string;
}

export class NdjsonLines {
  private rest = '';
  private line = 0;

  push(text: string): NumberedLine[] {
    const parts = (this.rest + text).split('\n');
    this.rest = parts.pop() ?? '';
    return this.numbered(parts);
  }

  end(): NumberedLine[] {
    const last = this.rest;
    this.rest = '';
    return this.numbered([last]);
  }

  private numbered(parts: readonly string[]): NumberedLine[] {
    const out: NumberedLine[] = [];
    for (const part of parts) {
      this.line += 1;
      const text = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (text.trim() !== '') out.push({ line: this.line, text });
    }
    return out;
  }
}
