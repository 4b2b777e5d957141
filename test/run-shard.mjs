// Runs the given uvu test files in this process (the same way the uvu CLI does),
// so that the runner can split the suite across processes.
import { resolve } from 'node:path';
import { run } from 'uvu/run';

const files = process.argv.slice(2);
await run(files.map((file) => ({ name: file, file: resolve(file) })), { bail: false });
