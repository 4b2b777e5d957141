// Does a configuration look like it was written for a profile's source? The first relURI or
// IT resource host that matches one of the profile's recognise patterns says so.
import type { ImportReport } from '../import-report.js';
import { canonicalCodeKey } from '../normalize-text.js';
import type { OimConfiguration } from '../oim-configuration.js';
import type { ProfileModel } from './profile-model.js';

/** What matched ("the relURIs use $links", "the IT resource host is api.example.com"), or undefined. */
export function recognisedBy(profile: ProfileModel, config: OimConfiguration): string | undefined {
  const patterns = profile.recognise;
  if (!patterns) return undefined;
  for (const item of config.lists.relURIs) {
    for (const pattern of patterns.relURIs) {
      const found = pattern.exec(item.value);
      if (found) return `the relURIs use ${found[0]}`;
    }
  }
  const given = config.itResource.find((entry) => canonicalCodeKey(entry.code) === 'host')?.decode.trim();
  // OIM's host may come with a scheme, a port or a path; the patterns see the name alone.
  const host = given?.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[:/].*$/, '');
  if (host !== undefined && patterns.hosts.some((pattern) => pattern.test(host))) return `the IT resource host is ${host}`;
  return undefined;
}

/** With a profile: say whether the configuration looks like the profile's source. */
export function reportRecognition(profile: ProfileModel, config: OimConfiguration, report: ImportReport): void {
  if (!profile.recognise) return;
  const sign = recognisedBy(profile, config);
  if (sign) report.add('derived', `the configuration is taken to be written for ${profile.recognise.description} (profile ${profile.name}): ${sign}`);
  else report.add('derived', `nothing in the configuration looks like ${profile.recognise.description}, the source of profile ${profile.name}: check that its rules fit`);
}

/** Without a profile: name the profiles whose source the configuration looks like. */
export function suggestProfiles(candidates: readonly ProfileModel[], config: OimConfiguration, report: ImportReport): void {
  for (const candidate of candidates) {
    const sign = recognisedBy(candidate, config);
    if (!sign || !candidate.recognise) continue;
    const option = candidate.shorthand !== undefined ? `--${candidate.shorthand} (or --profile ${candidate.file})` : `--profile ${candidate.file}`;
    report.add('derived', `the configuration looks like ${candidate.recognise.description} (${sign}); nothing was translated: ${option} applies the translation profile ${candidate.name} (${candidate.description})`);
  }
}
