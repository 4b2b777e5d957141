// `npm run demo` on its embedded defaults: it finishes well under a minute, tells the story
// (users, manager, groups, role activation, license, disable, full and incremental
// reconciliation) and leaves nothing behind in its temp dir.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { projectRoot } from '../support/project-paths.js';

function runDemo(tempDir: string): Promise<{ code: number | null; output: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(projectRoot, 'dist', 'fixtures', 'demo', 'run-demo.js')], {
      cwd: projectRoot,
      env: { ...process.env, TMPDIR: tempDir, NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

test('npm run demo: the whole story through the CLI, under a minute, nothing left behind', async () => {
  const tempDir = mkdtempSync(join(tmpdir(), 'grc-demo-test-'));
  try {
    const { code, output, ms } = await runDemo(tempDir);
    assert.is(code, 0, output);
    assert.ok(ms < 60_000, `took ${ms} ms`);
    for (const expected of [
      /✔ connector test/,
      /✔ create Zoë Ångström-Nakamura .*zoe\.nakamura@/,
      /✔ create Seán O'Connor .*sean\.o'connor@/,
      /manager: Zoë Ångström-Nakamura/,
      /groups: {2}Engineering Department, All Company/,
      /roles: {3}Groups Administrator/,
      /licenses: ENTERPRISEPACK \(Teams disabled\)/,
      /Seán O'Connor <sean\.o'connor@[^>]+> {2}DISABLED/,
      /reconcile full \(trusted source\) .* 27 create/,
      /reconcile incremental \(next delta round\) .* 1 update/,
      /\(0 too early\)/,
      /Done in [\d.]+ s/,
    ]) assert.match(output, expected);
    assert.not.match(output, /Demo-[\w-]{8}-9a!/, 'no password printed');
    assert.equal(readdirSync(tempDir), [], 'the demo removed its temp files');
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
});

test.run();
