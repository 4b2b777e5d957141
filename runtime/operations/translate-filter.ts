// Translates a connector filter into the target's syntax with the class's filter templates
// (e.g. OData `startswith(displayName,'A')` or SCIM `displayName sw "A"`).
import { connectorError } from '../errors.js';
import { didYouMean } from '../definition/did-you-mean.js';
import type { AttributeModel, FilterOperator, ObjectClassModel } from '../definition/model.js';
import { parseFilter, type FilterNode } from './filter-language.js';

function filterAttribute(cls: ObjectClassModel, name: string): AttributeModel {
  const alias = name === '__NAME__' ? cls.nameAttribute : name === '__UID__' ? cls.uidAttribute : name === '__ENABLE__' ? cls.statusAttribute : undefined;
  const attribute = alias ?? cls.attributes.get(name);
  if (!attribute || !attribute.readable) {
    const names = [...cls.attributes.values()].filter((a) => a.readable).map((a) => a.name);
    throw connectorError('InvalidAttributeValue', `filter: unknown attribute "${name}"${didYouMean(name, names)}`, { objectClass: cls.name, field: name });
  }
  return attribute;
}

export function translateFilter(cls: ObjectClassModel, source: string, config: Readonly<Record<string, unknown>>): string {
  const translate = (node: FilterNode): string => {
    const template = cls.filter[node.op as FilterOperator];
    if (!template) {
      throw connectorError('ConfigurationError', `filter: the definition cannot express "${node.op}" for class ${cls.name} (no filter template for it)`, { objectClass: cls.name });
    }
    switch (node.op) {
      case 'and':
      case 'or':
        return template.render({ config, left: translate(node.left), right: translate(node.right) });
      case 'not':
        return template.render({ config, operand: translate(node.operand) });
      default: {
        const attribute = filterAttribute(cls, node.attribute);
        let value = node.value;
        if (node.attribute === '__ENABLE__' && typeof value === 'boolean') value = (value ? cls.statusValues.enabled : cls.statusValues.disabled) as typeof value;
        if (attribute.type === 'boolean' && typeof value !== 'boolean' && node.attribute !== '__ENABLE__') {
          throw connectorError('InvalidAttributeValue', `filter: ${attribute.name} is a boolean; compare it with true or false`, { objectClass: cls.name, field: attribute.name });
        }
        return template.render({ config, attribute: attribute.targetName, value });
      }
    }
  };
  return translate(parseFilter(source));
}

/** The `filter` variable of a search: the translated filter and/or a raw target filter (OIM Filter Suffix). */
export function combineFilters(cls: ObjectClassModel, translated: string | undefined, raw: string | undefined, config: Readonly<Record<string, unknown>>): string {
  if (translated && raw) {
    const and = cls.filter.and;
    if (!and) throw connectorError('ConfigurationError', `filter: cannot combine --filter and --raw-filter for class ${cls.name} (no "and" template)`);
    return and.render({ config, left: translated, right: raw });
  }
  return translated ?? raw ?? '';
}
