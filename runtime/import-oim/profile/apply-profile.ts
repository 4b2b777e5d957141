// Applies a translation profile to an imported definition: renames, request and payload
// rules on every request, the select parameter, then settings and connection. Each change is
// reported with the OIM entry it came from and the profile's reason.
import type { ConnectorDefinition, HttpRequestFields, ObjectClass } from '../../generated/definition.js';
import { sourceOf, type ImportContext } from '../import-context.js';
import { applyConnection, applySettings } from './apply-connection.js';
import type { RequestKind } from './generated-profile.js';
import type { ProfileModel } from './profile-model.js';
import { Renamer, type NameChange } from './rename-names.js';
import { requestLine, rewriteRequest } from './rewrite-request.js';
import { rewritePayload } from './rewrite-payload.js';

function change(context: ImportContext, target: string, what: string, from: unknown, to: unknown): void {
  context.report.add('changed', what, { ...sourceOf(context, target), target, from, to });
}

function reportNames(context: ImportContext, changes: readonly NameChange[]): void {
  for (const c of changes) {
    if (c.untranslated) context.report.add('untranslated', c.what, { ...sourceOf(context, c.target), target: c.target, from: c.from });
    else change(context, c.target, c.what, c.from, c.to);
  }
}

function rewriteOne(context: ImportContext, profile: ProfileModel, target: string, kind: RequestKind, request: HttpRequestFields): void {
  const before = requestLine(request);
  const applied = rewriteRequest(profile, kind, request);
  if (applied.length > 0) change(context, target, applied.join('; '), before, requestLine(request));
  if (request.customPayload === undefined) return;
  const rewritten = rewritePayload(profile, request.customPayload, request.relURI);
  if (!rewritten) return;
  change(context, `${target}.customPayload`, rewritten.why, request.customPayload, rewritten.payload);
  request.customPayload = rewritten.payload;
}

/** Targets that return a default property set only: ask for the class's attributes. */
function addSelect(context: ImportContext, profile: ProfileModel, className: string, cls: ObjectClass): void {
  const rule = profile.select;
  if (!rule) return;
  const fromObject = rule.fromObject ? Object.values(cls.specialAttributes ?? {}).flatMap((s) => (s?.read?.fromObject ? [/^\$\.([^.[]+)/.exec(s.read.fromObject)?.[1]] : [])) : [];
  const value = [rule.value, ...fromObject.filter((p): p is string => p !== undefined)].join(',');
  for (const kind of rule.operations) {
    const op = cls.operations[kind];
    if (!op) continue;
    op.query = { [rule.parameter]: value, ...op.query };
    change(context, `${className}.operations.${kind}.query`, rule.description, undefined, `${rule.parameter}=${value}`);
  }
}

function applyToClass(context: ImportContext, profile: ProfileModel, renamer: Renamer, className: string, cls: ObjectClass): void {
  reportNames(context, renamer.classAttributes(className, cls));
  for (const [kind, op] of Object.entries(cls.operations) as Array<[RequestKind, HttpRequestFields | undefined]>) {
    if (op) rewriteOne(context, profile, `${className}.operations.${kind}`, kind, op);
  }
  for (const [name, special] of Object.entries(cls.specialAttributes ?? {})) {
    if (!special) continue;
    const target = `${className}.specialAttributes.${name}`;
    if (special.read) {
      if (special.read.relURI !== undefined) rewriteOne(context, profile, `${target}.read`, 'read', special.read);
      reportNames(context, renamer.readFields(`${target}.read`, special.read));
    }
    for (const action of ['add', 'remove', 'set', 'clear'] as const) {
      const request = special[action];
      if (request) rewriteOne(context, profile, `${target}.${action}`, action, request);
    }
  }
  addSelect(context, profile, className, cls);
}

export function applyProfile(definition: ConnectorDefinition, context: ImportContext, profile: ProfileModel): void {
  const renamer = new Renamer(profile);
  for (const [className, cls] of Object.entries(definition.objectClasses ?? {})) {
    if (cls) applyToClass(context, profile, renamer, className, cls);
  }
  for (const [name, lookup] of Object.entries(definition.lookups ?? {})) {
    for (const key of ['code', 'decode', 'id'] as const) {
      const template = lookup?.[key];
      if (!lookup || template === undefined) continue;
      const renamed = renamer.template(template);
      if (renamed.why.length === 0) continue;
      change(context, `lookups.${name}.${key}`, renamed.why.join('; '), template, renamed.text);
      lookup[key] = renamed.text;
    }
  }
  for (const [className, mappings] of Object.entries(definition.mappings ?? {})) {
    if (mappings) reportNames(context, renamer.mappingAttributes(className, mappings));
  }
  applySettings(context, profile);
  applyConnection(definition, context, profile);
}
