// Text split into paragraphs (runs of non-blank lines), each with its first line number.

export interface Paragraph {
  /** The lines joined with spaces and trimmed: for recognising captions, headers and prose. */
  text: string;
  /** The lines as they are, line breaks kept: for decodes. */
  raw: string;
  line: number;
}

export function splitParagraphs(text: string): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let startLine = 1;
  const flush = (): void => {
    if (current.length > 0) {
      paragraphs.push({ text: current.map((l) => l.trim()).join(' ').trim(), raw: current.join('\n').trim(), line: startLine });
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
  return paragraphs;
}
