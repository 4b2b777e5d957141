// Definition problems: every mistake found while loading a definition, with its place.
// All problems of a definition are collected and reported together, sorted by place.

export interface SourceLocation {
  /** Path of the file as the user named it (relative to the working directory when possible). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Problem extends SourceLocation {
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message))
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Thrown by loadDefinition when a definition has problems; carries all of them. */
export class DefinitionLoadError extends Error {
  readonly kind = 'DefinitionError' as const;
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(`definition has ${sorted.length} problem${sorted.length === 1 ? '' : 's'}:\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'DefinitionLoadError';
    this.problems = sorted;
  }
}

/** Collects problems; `at` resolves a JSON pointer of the merged definition to its source place. */
export class ProblemCollector {
  readonly problems: Problem[] = [];
  private readonly pointers: string[] = [];

  constructor(private readonly locate: (pointer: string, onKey?: boolean) => SourceLocation) {}

  /** Reports a problem about the value at `pointer` (or about its key when onKey is true). */
  add(pointer: string, message: string, onKey = false): void {
    this.problems.push({ ...this.locate(pointer, onKey), message });
    this.pointers.push(pointer);
  }

  /** True when a problem was already reported at or below `pointer`. */
  hasProblemUnder(pointer: string): boolean {
    return this.pointers.some((p) => p === pointer || p.startsWith(pointer + '/'));
  }

  /** Reports a problem inside a template string: line/column are relative to the string's text. */
  addInString(pointer: string, line: number, column: number, message: string): void {
    const at = this.locate(pointer);
    // The string starts after its opening quote; escapes may shift this by a few columns.
    this.problems.push(line <= 1 ? { ...at, column: at.column + 1 + column, message } : { ...at, message });
    this.pointers.push(pointer);
  }

  get count(): number {
    return this.problems.length;
  }
}
