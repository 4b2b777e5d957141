// The immutable model a definition becomes once it loads: templates compiled, JSON
// locations compiled, defaults applied. The runtime reads only this, never raw JSON.
import type {
  ClassMappings,
  ConnectorDefinition,
  ErrorKind,
  HttpMethod,
  MatchRule,
  AttributeType,
} from '../generated/definition.js';
import type { CompiledTemplate } from '../template/compile-template.js';
import type { CompiledPayload } from '../template/payload-template.js';
import type { JsonLocator } from './json-location.js';
import type { ConnectionModel, FilterTranslationModel, NamedTemplates, PagingModel } from './connection-model.js';

export * from './connection-model.js';


export interface SettingModel {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean';
  readonly description: string;
  readonly required: boolean;
  readonly secret: boolean;
  readonly default?: string | number | boolean;
  readonly enum?: ReadonlyArray<string | number | boolean>;
  readonly format?: 'uri' | 'uuid' | 'hostname';
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface PresetModel {
  readonly name: string;
  readonly description: string;
  readonly values: Readonly<Record<string, string | number | boolean>>;
}


export type OperationKind =
  | 'create' | 'update' | 'delete' | 'get' | 'search' | 'delta' | 'enable' | 'disable' | 'setPassword' | 'restore'
  | 'read' | 'add' | 'remove' | 'set' | 'clear' | 'find' | 'lookup' | 'deleted';

export interface OperationModel {
  /** Where it is in the definition, for messages, e.g. "user.create" or "user.groups.add". */
  readonly label: string;
  readonly kind: OperationKind;
  readonly method: HttpMethod;
  readonly relURI: CompiledTemplate;
  readonly query: NamedTemplates;
  readonly headers: NamedTemplates;
  readonly payload?: CompiledPayload;
  readonly expectedStatus?: ReadonlySet<number>;
  readonly resources?: JsonLocator;
  readonly paging: PagingModel;
  readonly notFound: 'error' | 'empty';
  readonly batchable: boolean;
  readonly alreadyDone: ReadonlySet<ErrorKind>;
}

export interface CreateOperationModel extends OperationModel {
  readonly uidPath?: JsonLocator;
  readonly uidFromLocation: boolean;
  readonly findBeforeRetry: boolean;
}

export interface DeltaOperationModel extends OperationModel {
  readonly deltaLink: JsonLocator;
  readonly removedMarker?: JsonLocator;
  readonly expiredStatus: ReadonlySet<number>;
}

export interface AttributeModel {
  readonly name: string;
  readonly type: AttributeType;
  readonly description?: string;
  /** Path in the target's JSON. */
  readonly targetPath: readonly string[];
  /** The target's name for it in filters and update paths. */
  readonly targetName: string;
  readonly multiValued: boolean;
  readonly required: boolean;
  readonly creatable: boolean;
  readonly updatable: boolean;
  readonly readable: boolean;
  readonly returnedByDefault: boolean;
  readonly enum?: readonly unknown[];
  readonly lookup?: string;
  readonly defaultOnCreate?: CompiledPayload;
}

export interface SpecialWriteModel extends OperationModel {
  readonly handling: 'SINGLE' | 'BATCH';
}

export interface SpecialReadModel {
  readonly fromObject?: JsonLocator;
  readonly request?: OperationModel;
  readonly targetFormat?: JsonLocator;
  readonly targetObjectIdentifier?: { readonly path: JsonLocator; readonly equals: string };
  readonly valuePattern?: RegExp;
  readonly exclude: ReadonlyArray<{ readonly path: JsonLocator; readonly equals?: unknown; readonly contains?: unknown }>;
}

export interface SpecialAttributeModel {
  readonly name: string;
  readonly description?: string;
  readonly multiValued: boolean;
  readonly objectClass?: string;
  readonly lookup?: string;
  readonly valueKey?: string;
  readonly valueDefaults: Readonly<Record<string, unknown>>;
  readonly read?: SpecialReadModel;
  readonly add?: SpecialWriteModel;
  readonly remove?: SpecialWriteModel;
  readonly set?: OperationModel;
  readonly clear?: OperationModel;
  readonly resolveOnUnknown?: { readonly find: OperationModel; readonly create?: OperationModel; readonly pick: JsonLocator };
}

export interface ClassOperations {
  readonly create?: CreateOperationModel;
  readonly update?: OperationModel;
  readonly delete?: OperationModel;
  readonly get?: OperationModel;
  readonly search?: OperationModel;
  readonly delta?: DeltaOperationModel;
  readonly enable?: OperationModel;
  readonly disable?: OperationModel;
  readonly setPassword?: OperationModel;
  readonly restore?: OperationModel;
}

export interface ObjectClassModel {
  readonly name: string;
  readonly icfName?: string;
  readonly description?: string;
  readonly uidAttribute: AttributeModel;
  readonly nameAttribute: AttributeModel;
  readonly statusAttribute?: AttributeModel;
  readonly statusValues: { readonly enabled: unknown; readonly disabled: unknown };
  readonly passwordAttribute?: AttributeModel;
  readonly readOnly: boolean;
  readonly attributes: ReadonlyMap<string, AttributeModel>;
  readonly operations: ClassOperations;
  readonly specialAttributes: ReadonlyMap<string, SpecialAttributeModel>;
  readonly filter: FilterTranslationModel;
  /** Comma-separated top-level target names of readable, returned-by-default attributes (the `select` variable). */
  readonly defaultSelect: string;
}

export interface LookupModel {
  readonly name: string;
  readonly description?: string;
  readonly source:
    | { readonly type: 'static'; readonly values: ReadonlyArray<{ readonly code: string; readonly decode: string }> }
    | { readonly type: 'objectClass'; readonly objectClass: string }
    | { readonly type: 'operation'; readonly operation: OperationModel };
  readonly code?: CompiledTemplate;
  readonly decode?: CompiledTemplate;
  readonly id?: CompiledTemplate;
}

export type IncrementalModel =
  | { readonly strategy: 'delta' }
  | {
      readonly strategy: 'timestamp';
      readonly attribute: string;
      readonly filter?: CompiledTemplate;
      readonly query: NamedTemplates;
      readonly deleted?: OperationModel;
    };

export interface ReconciliationModeModel {
  readonly matchRules: readonly MatchRule[];
  readonly actions: { readonly noMatch: 'create' | 'report'; readonly oneMatch: 'link' | 'update'; readonly manyMatches: 'conflict' };
  readonly statusField?: string;
}

export interface ReconciliationModel {
  readonly objectClass: string;
  readonly target?: ReconciliationModeModel;
  readonly trusted?: ReconciliationModeModel;
  readonly incremental?: IncrementalModel;
  readonly deletedObjects: 'delta' | 'snapshot' | 'none';
  readonly deleteAction: 'delete' | 'disable';
}

export interface DefinitionModel {
  readonly name: string;
  readonly displayName: string;
  readonly description?: string;
  readonly version?: string;
  readonly mainFile: string;
  readonly directory: string;
  readonly settings: ReadonlyMap<string, SettingModel>;
  readonly presets: ReadonlyMap<string, PresetModel>;
  readonly connection: ConnectionModel;
  readonly classes: ReadonlyMap<string, ObjectClassModel>;
  readonly lookups: ReadonlyMap<string, LookupModel>;
  readonly mappings: ReadonlyMap<string, ClassMappings>;
  readonly reconciliation: ReadonlyMap<string, ReconciliationModel>;
  /** The merged, validated document, frozen. */
  readonly document: Readonly<ConnectorDefinition>;
}

/** Finds a class by name or by ICF alias (__ACCOUNT__). */
export function findClass(model: DefinitionModel, name: string): ObjectClassModel | undefined {
  const direct = model.classes.get(name);
  if (direct) return direct;
  for (const cls of model.classes.values()) if (cls.icfName === name) return cls;
  return undefined;
}
