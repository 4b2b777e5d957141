// An apply killed with SIGKILL at a random point (creates, memberships and licenses in
// flight) and run again ends in the same state as an uninterrupted run: every account once,
// with its groups and licenses; no journal entry left open; a third run writes nothing.
import { spawn } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openStateStore } from '../../runtime/state/index.js';
import { cliPath, office365Definition } from '../support/project-paths.js';
import { ndjson, startProvisionGraph, type ProvisionGraph } from '../support/provision-graph.js';
import { scaleIdentities, scalePolicy, scaleProblems } from '../support/provision-scale.js';

function applyArgs(graph: ProvisionGraph, identities: string, policy: string): string[] {
  return ['apply', office365Definition, '--identities', identities, '--policy', policy, '--config', graph.settingsFile, '--state', graph.stateFile, '--concurrency', '64', '--json'];
}

/** Starts an apply and kills it once the fake has seen `afterWrites` writes. */
async function killMidway(graph: ProvisionGraph, args: string[], afterWrites: number): Promise<number> {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...graph.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    const writes = graph.fake.counters().writes;
    if (writes >= afterWrites) {
      child.kill('SIGKILL');
      await exited;
      return writes;
    }
    if (child.exitCode !== null) throw new Error(`apply finished before ${afterWrites} writes (exit ${child.exitCode}): ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('an apply killed at a random point and run again ends in the state of an uninterrupted run', async () => {
  const graph = await startProvisionGraph({ users: 2000, faults: { consistencyLag: 1, latencyMs: 2 } });
  try {
    const count = 1500;
    const identities = scaleIdentities(count, 'k');
    const identitiesFile = graph.file('identities.ndjson', ndjson(identities));
    const policyFile = graph.file('policy.json', JSON.stringify(scalePolicy));
    // 1,500 creates + 1,500 Sales + 500 Engineering + 1,500 licenses = 5,000 writes in all.
    const killAt = 300 + Math.floor(Math.random() * 4000);
    const writesAtKill = await killMidway(graph, applyArgs(graph, identitiesFile, policyFile), killAt);
    const context = `killed after ${writesAtKill} writes (threshold ${killAt})`;

    const rerun = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cliPath, ...applyArgs(graph, identitiesFile, policyFile)], { env: { ...process.env, ...graph.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    assert.is(rerun.code, 0, `${context}: ${rerun.stderr}\n${rerun.stdout.split("\n").filter((l) => l.includes("partial")).slice(0, 3).join("\n")}`);
    const outcomes = rerun.stdout.trim().split('\n').map((line) => JSON.parse(line) as { outcome: string; action: string });
    assert.is(outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'partial').length, 0, context);
    assert.equal(scaleProblems(graph.fake, identities, 'k'), [], context);
    assert.is(graph.fake.state().users, 2000 + count, `${context}: no duplicate accounts`);

    const state = openStateStore(graph.stateFile);
    try {
      assert.equal(state.listJournals({ operation: 'apply', open: true }).map((entry) => entry.name), [], `${context}: no journal entry left open`);
    } finally {
      state.close();
    }
    graph.fake.resetCounters();
    const third = await graph.cli('apply', ['--identities', identitiesFile, '--policy', policyFile]);
    assert.is(third.code, 0, third.stderr);
    assert.is(graph.fake.counters().writes, 0, `${context}: a third apply writes nothing`);
  } finally {
    await graph.close();
  }
});

test.run();
