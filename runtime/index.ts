// The library API: load a definition, create a connector, run operations.
//
//   const definition = await loadDefinition('definitions/<target>');
//   const connector = createConnector(definition, { tenantId, clientId, clientSecret, domain });
//   const { uid } = await connector.create('user', { __NAME__: 'alex@contoso.com', displayName: 'Alex' });
//   for await (const user of connector.search('user', { filter: 'department eq "Sales"' })) { ... }
//   await connector.close();
export { loadDefinition, checkDefinition } from './definition/load-definition.js';
export type { DefinitionModel, ObjectClassModel } from './definition/model.js';
export { DefinitionLoadError, formatProblem, type Problem } from './definition/problems.js';
export { resolveSettings, type ResolvedSettings, type SettingsInput } from './definition/resolve-settings.js';
export { Connector, createConnector, type ConnectorOptions } from './operations/connector.js';
export type { ConnectorObject } from './operations/connector-object.js';
export type { SearchOptions } from './operations/read-objects.js';
export type { WriteResult } from './operations/write-result.js';
export type { StepResult } from './operations/run-steps.js';
export { planOperation, type PlannedRequest } from './operations/plan-operation.js';
export { connectorOperations, type ConnectorOperation } from './operations/operation-names.js';
export { ConnectorError, errorKinds, type ErrorKind } from './errors.js';
export { openStateStore, type StateStore } from './state/index.js';
export type { ConnectorDefinition } from './generated/definition.js';
export { runReconciliation, type ReconcileOptions, type ReconcileSummary } from './reconcile/run-reconciliation.js';
export { openFileSink, stdoutSink, type EventSink } from './reconcile/event-sink.js';
export { incrementalSearch, type DeletedObject } from './reconcile/incremental-search.js';
export type { ReconEvent, ReconEventType, EventCounts } from './reconcile/events.js';
export { syncLookup, type LookupSyncResult } from './mapping/lookup-sync.js';
export { resolveLookupInputs, resolveLookupValue, type LookupResolverContext } from './mapping/lookup-resolver.js';
export { compileAttributeMap, type CompiledAttributeMap, type MapKind } from './mapping/attribute-map.js';
export { mapAccount, type MappedRecord } from './mapping/map-account.js';
export { mapFieldsToAttributes } from './mapping/map-fields.js';
export { applyPolicy, planApply, type ApplyOptions, type IdentityInput } from './provision/apply.js';
export { loadPolicy, checkPolicy, PolicyError } from './provision/load-policy.js';
export type { ProvisionPolicyModel } from './provision/policy-model.js';
export type { ProvisionPolicy } from './provision/generated-policy.js';
export type { IdentityPlan, IdentityOutcome, PlanAction } from './provision/plan-types.js';
export type { ApplyReport } from './provision/report.js';
export { readIdentities } from './provision/read-identities.js';
export { applyIdentityEvent, parseIdentityEvent, type IdentityEvent, type EventResult } from './provision/identity-events.js';
