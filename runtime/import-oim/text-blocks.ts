// Text split into blocks (runs of non-blank lines, the blocks of a copied document), each
// with its first line number.

export interface TextBlock {
  /** The lines joined with spaces and trimmed: for recognising captions, headers and prose. */
  text: string;
  /** The lines as they are, line breaks kept: for decodes. */
  raw: string;
  line: number;
}

export function splitBlocks(text: string): TextBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let startLine = 1;
  const flush = (): void => {
    if (current.length > 0) {
      blocks.push({ text: current.map((l) => l.trim()).join(' ').trim(), raw: current.join('\n').trim(), line: startLine });
      current = [];
    }
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    if (current.length === 0) startLine = index + 1;
    current.push(line);
  });
  flush();
  return blocks;
}
