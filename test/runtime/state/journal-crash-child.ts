// Child process for journal-crash.test.ts: writes journal records as fast as it can and
// reports progress on stdout, until the test kills it with SIGKILL.
//   steps <file>  one entry with many steps, each marked running then done
//   begins <file> entry after entry, each with 50 steps (beginJournal is one transaction)
import { openStateStore } from '../../../runtime/state/index.js';

const [mode, file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: journal-crash-child.ts steps|begins <file>');
const store = openStateStore(file);
const steps = (count: number): { id: string; label: string }[] => Array.from({ length: count }, (_, i) => ({ id: `step-${i}`, label: `user.groups.add #${i}` }));

if (mode === 'steps') {
  const id = store.beginJournal({ definition: 'office365', objectClass: 'User', operation: 'create', name: 'crash@contoso.com', input: {}, steps: steps(20_000) });
  process.stdout.write(`journal ${id}\n`);
  for (let i = 0; ; i += 1) {
    store.markStep(id, `step-${i}`, 'running');
    store.markStep(id, `step-${i}`, 'done', { index: i });
    process.stdout.write(`done ${i}\n`);
  }
} else {
  for (let i = 0; ; i += 1) {
    store.beginJournal({ definition: 'office365', objectClass: 'User', operation: 'create', name: `user${i}@contoso.com`, input: { i }, steps: steps(50) });
    process.stdout.write(`begun ${i}\n`);
  }
}
