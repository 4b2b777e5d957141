// What the readers make of an OIM export: lookup definitions ("sections") holding
// code key -> decode entries, each with the place it came from. Every reader (JSON,
// code=decode lines, the guide's tables) produces this shape; nothing is interpreted yet.

/** Where an entry (or a piece of one) was read. */
export interface Origin {
  file: string;
  line: number;
}

export function formatOrigin(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}

/** One row of a lookup definition: Code Key and Decode, as OIM shows them. */
export interface OimEntry {
  code: string;
  decode: string;
  /** Where the code key is. */
  origin: Origin;
  /** Line where the decode text starts (its own line breaks are kept in `decode`). */
  decodeLine: number;
}

/**
 * What a lookup definition is for, from its name:
 * - configuration: Lookup.<x>.Configuration (relURIs, opTypes, ...)
 * - provisioning / reconciliation / trusted / trustedDefaults: the attribute maps
 * - itResource: IT resource parameters (host, clientId, ...)
 * - staticLookup: a value list such as Lookup.Acme.Countries
 * - ignored: known but not imported (e.g. Configuration.Trusted, UM.Configuration)
 */
export type SectionKind =
  | 'configuration'
  | 'provisioning'
  | 'reconciliation'
  | 'trusted'
  | 'trustedDefaults'
  | 'itResource'
  | 'staticLookup'
  | 'ignored';

export const mapKinds = ['provisioning', 'reconciliation', 'trusted', 'trustedDefaults'] as const;
export type MapKind = (typeof mapKinds)[number];

export interface SectionInfo {
  kind: SectionKind;
  /** ICF object class of an attribute map (UM -> __ACCOUNT__, GM -> __GROUP__). */
  objectClass?: string;
  /** Name of a static lookup (the last part of Lookup.<x>.<Name>). */
  lookupName?: string;
  /** Why a section is ignored. */
  reason?: string;
}

export interface OimSection extends SectionInfo {
  /** The lookup definition's name as given, e.g. Lookup.Acme.UM.ProvAttrMap. */
  name: string;
  origin: Origin;
  entries: OimEntry[];
}

export interface OimInput {
  sections: OimSection[];
}

/** Unreadable input: reported as file:line: message with exit code 2. */
export class OimInputError extends Error {
  constructor(
    readonly origin: Origin,
    readonly reason: string,
  ) {
    super(`${formatOrigin(origin)}: ${reason}`);
    this.name = 'OimInputError';
  }
}
