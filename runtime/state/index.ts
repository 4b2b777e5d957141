// The state store: what the rest of the runtime imports.
export * from './types.js';
export { openStateStore, type OpenStateStoreOptions } from './open-state-store.js';
export {
  exportIdentities,
  IdentityImportError,
  importIdentities,
  type ExportOptions,
  type IdentityFileFormat,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './identity-import-export.js';
export { latestSchemaVersion } from './sqlite/migrations.js';
