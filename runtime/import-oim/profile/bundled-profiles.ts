// Profiles shipped with the package: definitions/<connector>/import-oim/*.profile.json, found
// relative to the package (never the working directory). A bundled profile may name a
// shorthand CLI option that applies it.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from './load-profile.js';
import type { ProfileModel } from './profile-model.js';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'definitions'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the definitions/ folder of generic-rest-connector');
    dir = parent;
  }
}

export function bundledProfileFiles(): string[] {
  const definitions = join(packageRoot(), 'definitions');
  return readdirSync(definitions, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const folder = join(definitions, entry.name, 'import-oim');
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((name) => name.endsWith('.profile.json'))
        .sort()
        .map((name) => join(folder, name));
    });
}

let cache: Promise<ProfileModel[]> | undefined;

export function bundledProfiles(): Promise<ProfileModel[]> {
  cache ??= Promise.all(bundledProfileFiles().map((file) => loadProfile(file)));
  return cache;
}

/** "to-example-v2" -> "toExampleV2": the key commander gives the option. */
export function optionKey(shorthand: string): string {
  return shorthand.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
