// The runtime as users run it: the compiled dist/ output (run-bench.mjs builds it first),
// typed by its sources. Benches import through here rather than the .ts sources, which tsx
// would transpile with extra helpers (esbuild's __name on every function) that production
// code does not carry.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../support/project-paths.js';

type Runtime = typeof import('../../../runtime/index.js');

export async function compiledRuntime(): Promise<Runtime> {
  return (await import(pathToFileURL(join(projectRoot, 'dist', 'runtime', 'index.js')).href)) as Runtime;
}
