// `npm test`: builds the CLI (e2e tests run the compiled bin), makes the loopback
// TLS certificate trusted through NODE_EXTRA_CA_CERTS, runs every test/**/*.test.ts
// in a few parallel uvu processes and ends with one plain line "N passed, N failed".
// Usage: node test/run-tests.mjs [substring-filter ...]
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cpus } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const shardTimeoutMs = Number(process.env.TEST_SHARD_TIMEOUT_MS ?? 20 * 60 * 1000);

function listTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listTests(full));
    else if (entry.endsWith('.test.ts')) out.push(relative(root, full));
  }
  return out.sort();
}

const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
spawnSync('node', ['schemas/compile-validator.mjs'], { cwd: root, stdio: 'inherit' });
const { loopbackCertificate } = await import(join(root, 'dist/fixtures/tls/loopback-certificate.js'));
const { caFile } = await loopbackCertificate();

const files = listTests(join(root, 'test')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
// Slow end-to-end files go first so the shards finish together.
const weight = (f) => (f.includes('/e2e/') ? 10 : 1);
const shardCount = Math.max(1, Math.min(Number(process.env.TEST_SHARDS ?? cpus().length), files.length));
const shards = Array.from({ length: shardCount }, () => ({ files: [], weight: 0 }));
for (const file of [...files].sort((a, b) => weight(b) - weight(a))) {
  const lightest = shards.reduce((a, b) => (b.weight < a.weight ? b : a));
  lightest.files.push(file);
  lightest.weight += weight(file);
}

function runShard(shard) {
  return new Promise((resolvePromise) => {
    if (shard.files.length === 0) return resolvePromise({ passed: 0, failed: 0, output: '' });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/run-shard.mjs', ...shard.files], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => { output += `\nshard timed out after ${shardTimeoutMs} ms\n`; child.kill('SIGKILL'); }, shardTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const total = Number(/Total:\s+(\d+)/.exec(output)?.[1] ?? 0);
      const passed = Number(/Passed:\s+(\d+)/.exec(output)?.[1] ?? 0);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(output)?.[1] ?? 0);
      let failed = total - passed - skipped;
      // A file that crashed on import, or a killed shard, still counts as a failure.
      if (code !== 0 && failed === 0) failed = 1;
      resolvePromise({ passed, failed, output });
    });
  });
}

const started = Date.now();
const results = await Promise.all(shards.map(runShard));
let passed = 0;
let failed = 0;
for (const [i, r] of results.entries()) {
  process.stdout.write(`\n===== shard ${i + 1}/${shards.length}: ${shards[i].files.length} files =====\n${r.output}`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`\nduration ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
