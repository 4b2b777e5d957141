// reconciliation.<class> -> ReconciliationModel: match rules, actions, incremental strategy.
import type { ClassMappings, ModeRules } from '../generated/definition.js';
import type { BuildContext } from './build-context.js';
import { buildOperation } from './build-operation.js';
import { didYouMean } from './did-you-mean.js';
import { pointerOf } from './json-pointer.js';
import type { ConnectionModel, IncrementalModel, ObjectClassModel, ReconciliationModeModel, ReconciliationModel } from './model.js';

export function buildReconciliation(
  context: BuildContext,
  classes: ReadonlyMap<string, ObjectClassModel>,
  mappings: ReadonlyMap<string, ClassMappings>,
  connection: ConnectionModel,
): Map<string, ReconciliationModel> {
  const out = new Map<string, ReconciliationModel>();
  for (const [className, raw] of Object.entries(context.document.reconciliation ?? {})) {
    if (!raw) continue;
    const at = pointerOf('reconciliation', className);
    const cls = classes.get(className);
    if (!cls) {
      if (!context.document.objectClasses?.[className]) {
        context.problems.add(at, `reconciliation for class "${className}", which does not exist${didYouMean(className, classes.keys())}`, true);
      }
      continue;
    }
    const classMappings = mappings.get(className);
    const mode = (kind: 'target' | 'trusted', rules: ModeRules): ReconciliationModeModel => {
      const mapKind = kind === 'target' ? 'reconciliation' : 'trusted';
      const fields = Object.keys(classMappings?.[mapKind] ?? {});
      rules.matchRules.forEach((rule, i) => {
        if (!fields.includes(rule.accountField)) {
          const hint = fields.length === 0 ? ` (mappings.${className}.${mapKind} is empty)` : didYouMean(rule.accountField, fields);
          context.problems.add(`${at}/${kind}/matchRules/${i}/accountField`, `match rule ${i + 1} of ${className} ${kind} reconciliation compares "${rule.accountField}", which is not a field of mappings.${className}.${mapKind}${hint}`);
        }
      });
      return {
        matchRules: rules.matchRules,
        actions: {
          noMatch: rules.actions?.noMatch ?? (kind === 'trusted' ? 'create' : 'report'),
          oneMatch: rules.actions?.oneMatch ?? (kind === 'trusted' ? 'update' : 'link'),
          manyMatches: 'conflict',
        },
        ...(rules.statusField !== undefined && { statusField: rules.statusField }),
      };
    };
    let incremental: IncrementalModel | undefined;
    if (raw.incremental?.strategy === 'delta') {
      if (!cls.operations.delta) context.problems.add(`${at}/incremental/strategy`, `incremental strategy "delta" needs operations.delta in class ${className}`);
      incremental = { strategy: 'delta' };
    } else if (raw.incremental?.strategy === 'timestamp') {
      const spec = raw.incremental;
      if (!cls.attributes.has(spec.attribute)) {
        context.problems.add(`${at}/incremental/attribute`, `incremental attribute "${spec.attribute}" is not an attribute of class ${className}${didYouMean(spec.attribute, cls.attributes.keys())}`);
      }
      if (spec.filter === undefined && spec.query === undefined) {
        context.problems.add(`${at}/incremental`, `timestamp incremental reconciliation of ${className} needs a "filter" or a "query" that asks for changes after {{watermark}}`);
      }
      const scope = context.scopes.watermark;
      incremental = {
        strategy: 'timestamp',
        attribute: spec.attribute,
        ...(spec.filter !== undefined && { filter: context.template(`${at}/incremental/filter`, spec.filter, scope) }),
        query: context.templates(`${at}/incremental/query`, spec.query, scope),
        ...(spec.deleted && { deleted: buildOperation(context, `${at}/incremental/deleted`, spec.deleted, 'deleted', `${className} deleted objects`, scope, connection.paging) }),
      };
    }
    const deletedObjects = raw.deletedObjects ?? (incremental?.strategy === 'delta' ? 'delta' : 'snapshot');
    if (deletedObjects === 'delta' && !cls.operations.delta?.removedMarker) {
      context.problems.add(`${at}/deletedObjects`, `deletedObjects "delta" needs operations.delta.removedMarker in class ${className}`);
    }
    out.set(className, {
      objectClass: className,
      ...(raw.target && { target: mode('target', raw.target) }),
      ...(raw.trusted && { trusted: mode('trusted', raw.trusted) }),
      ...(incremental && { incremental }),
      deletedObjects,
      deleteAction: raw.deleteAction ?? 'delete',
    });
  }
  return out;
}
