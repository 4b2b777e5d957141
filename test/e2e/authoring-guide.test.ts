// The authoring guide (definitions/README.md) is executable, so that it cannot drift from
// the runtime: this test does exactly what the guide says, in its order.
//   <!-- guide:file PATH -->     the next code block is written to PATH (the definition at a
//                                step, a settings file, an attrs file); a second copy of the
//                                definition must equal what the steps built up
//   <!-- guide:merge POINTER --> the next block is deep-merged into the definition at POINTER
//   <!-- guide:session -->       every "$ command" line of the next block runs in sh, with
//                                `connector` on the PATH; its output must be the lines below it
//   <!-- guide:mistake JSON -->  the complete definition with {"replace", "with"} applied once,
//                                then the next block runs as a session
// The Acme Directory fake is started with the options of the guide's start command.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { parse as parseJsonc } from 'jsonc-parser';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startDirectoryApi, type DirectoryApi } from '../../fixtures/directory-api/index.js';
import { cliPath, projectRoot } from '../support/project-paths.js';

type Directive =
  | { kind: 'file'; line: number; path: string; text: string }
  | { kind: 'merge'; line: number; pointer: string; text: string }
  | { kind: 'session'; line: number; text: string }
  | { kind: 'mistake'; line: number; replace: string; with: string; text: string };

type JsonObject = Record<string, unknown>;

const guidePath = join(projectRoot, 'definitions', 'README.md');
const guide = readFileSync(guidePath, 'utf8');
const definitionFile = 'definitions/acme-directory/connector.json';
/** The origin the guide's settings and outputs use; the fake's real one replaces it. */
const guideOrigin = 'https://127.0.0.1:8443';

function parseDirectives(markdown: string): Directive[] {
  const pattern = /<!-- guide:(file|merge|session|mistake)(?: (.*?))? -->\n```[\w-]*\n([\s\S]*?)\n```/g;
  return [...markdown.matchAll(pattern)].map((m): Directive => {
    const [, kind, argument = '', text = ''] = m;
    const line = markdown.slice(0, m.index).split('\n').length;
    if (kind === 'file') return { kind, line, path: argument, text: `${text}\n` };
    if (kind === 'merge') return { kind, line, pointer: argument, text };
    if (kind === 'mistake') {
      const edit = JSON.parse(argument) as { replace: string; with: string };
      return { kind, line, replace: edit.replace, with: edit.with, text };
    }
    return { kind: 'session', line, text };
  });
}

/** Options of the guide's `node dist/fixtures/directory-api/main.js ...` line. */
function startOptions(markdown: string): { seed: number; basicUsername: string; basicPassword: string; passwordEnv: string } {
  const start = /directory-api\/main\.js (.*)/.exec(markdown)?.[1] ?? '';
  const option = (name: string) => new RegExp(`--${name} (\\S+)`).exec(start)?.[1] ?? '';
  return {
    seed: Number(option('seed')),
    basicUsername: option('basic-username'),
    basicPassword: option('basic-password'),
    passwordEnv: /export ACME_PASSWORD=(\S+)/.exec(markdown)?.[1] ?? '',
  };
}

function parseJsoncObject(text: string, where: string): JsonObject {
  const errors: Parameters<typeof parseJsonc>[1] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  assert.equal(errors, [], `${where}: the block is not valid JSON`);
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where}: the block must be a JSON object`);
  return value as JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Objects merge key by key; anything else replaces. */
function deepMerge(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) deepMerge(current, value);
    else target[key] = value;
  }
}

function objectAt(root: JsonObject, pointer: string): JsonObject {
  let node: JsonObject = root;
  for (const key of pointer.split('/').filter(Boolean)) {
    const next = node[key];
    assert.ok(isObject(next), `no object at ${pointer} of the definition so far`);
    node = next;
  }
  return node;
}

/** What may differ between runs: the fake's port, timestamps, durations. */
function normalize(text: string, origin: string): string {
  return text
    .split(origin)
    .join(guideOrigin)
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/in \d+ ms/g, 'in <n> ms')
    .trim();
}

function runShell(command: string, cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', `{ ${command}; } 2>&1`], { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolvePromise(output));
  });
}

const directives = parseDirectives(guide);
const options = startOptions(guide);
const guideSuite = suite('authoring guide: definitions/README.md, done step by step');
let api: DirectoryApi;
let work: string;
let origin: string;
let env: Record<string, string>;
let definition: JsonObject | undefined;
let finalText: string | undefined;

guideSuite.before(async () => {
  api = await startDirectoryApi({ seed: options.seed, basicUsername: options.basicUsername, basicPassword: options.basicPassword });
  origin = new URL(api.baseUrl).origin;
  work = mkdtempSync(join(tmpdir(), 'grc-guide-'));
  const bin = join(work, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'connector'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
  chmodSync(join(bin, 'connector'), 0o755);
  env = { PATH: `${bin}:${process.env.PATH ?? ''}`, ACME_PASSWORD: options.passwordEnv, ...(api.caFile ? { NODE_EXTRA_CA_CERTS: api.caFile } : {}) };
});
guideSuite.after(() => api.close());

function writeWorkFile(path: string, text: string): void {
  const file = join(work, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.split(guideOrigin).join(origin));
}

async function runSession(text: string, where: string): Promise<void> {
  const steps = text.split(/^(?=\$ )/m).filter((s) => s.startsWith('$ '));
  assert.ok(steps.length > 0, `${where}: a session needs "$ command" lines`);
  for (const step of steps) {
    const [commandLine = '', ...expected] = step.replace(/\n$/, '').split('\n');
    const command = commandLine.slice(2).split(guideOrigin).join(origin);
    const output = await runShell(command, work, env);
    assert.fixture(normalize(output, origin), normalize(expected.join('\n'), origin), `${where}: ${commandLine}`);
  }
}

guideSuite('the guide has a complete definition, sessions and common errors to check', () => {
  const kinds = directives.map((d) => d.kind);
  assert.ok(kinds.filter((k) => k === 'file').length >= 2, 'a first step and the complete definition');
  assert.ok(kinds.includes('merge') && kinds.includes('session') && kinds.includes('mistake'));
  assert.ok(options.seed > 0 && options.basicUsername !== '' && options.basicPassword === options.passwordEnv, 'the start command and ACME_PASSWORD agree');
});

for (const directive of directives) {
  const where = `definitions/README.md:${directive.line}`;
  const name = directive.kind === 'file' ? `${directive.kind} ${directive.path}` : directive.kind === 'merge' ? `merge at ${directive.pointer}` : directive.kind;
  guideSuite(`${where}: ${name}`, async () => {
    switch (directive.kind) {
      case 'file': {
        writeWorkFile(directive.path, directive.text);
        if (directive.path !== definitionFile) return;
        const written = parseJsoncObject(directive.text, where);
        if (definition) assert.equal(written, definition, `${where}: the complete definition differs from what the steps built`);
        definition = written;
        // The text of the latest copy: the header of later steps, the base of the mistakes.
        finalText = directive.text;
        return;
      }
      case 'merge': {
        assert.ok(definition, `${where}: a merge needs the definition file first`);
        deepMerge(objectAt(definition, directive.pointer), parseJsoncObject(directive.text, where));
        // The reader's file keeps its leading comment, so positions at the root stay the same.
        const header = /^(\s*\/\/.*\n)*/.exec(finalText ?? '')?.[0] ?? '';
        writeWorkFile(definitionFile, `${header}${JSON.stringify(definition, null, 2)}\n`);
        return;
      }
      case 'session':
        return runSession(directive.text, where);
      case 'mistake': {
        assert.ok(finalText, `${where}: mistakes apply to the complete definition`);
        const occurrences = finalText.split(directive.replace).length - 1;
        assert.is(occurrences, 1, `${where}: "${directive.replace}" must occur exactly once in the complete definition`);
        writeWorkFile(definitionFile, finalText.replace(directive.replace, directive.with));
        try {
          await runSession(directive.text, where);
        } finally {
          writeWorkFile(definitionFile, finalText);
        }
      }
    }
  });
}

guideSuite('after the guide, the Acme Directory holds what the guide created', () => {
  const state = api.state();
  assert.equal(state.accounts.map((a) => [a.login, a.status, a.title]), [['jane.doe', 'SUSPENDED', 'Engineer']]);
  assert.equal(state.teams.map((t) => t.name), ['Platform']);
  assert.equal(state.memberships.length, 1);
});

guideSuite.run();
