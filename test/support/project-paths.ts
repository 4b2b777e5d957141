// Paths tests need: the project root, the compiled CLI, the shared folder.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(projectRoot, 'dist', 'runtime', 'cli', 'main.js');
export const sharedDir = resolve(projectRoot, '..', 'shared');
export const office365Definition = join(projectRoot, 'definitions', 'office365');
export const fixturesDir = join(projectRoot, 'fixtures');
