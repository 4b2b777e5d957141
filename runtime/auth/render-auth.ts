// Renders an auth template once, at provider creation, and registers secrets with the
// redactor before anything else can print them. An empty result is a configuration error
// that names the template (its source), never the value.
import { connectorError } from '../errors.js';
import type { Redactor } from '../redaction.js';
import type { TemplateContext } from '../template/evaluate-expression.js';
import type { CompiledTemplate } from '../template/compile-template.js';

export function renderAuthValue(template: CompiledTemplate, context: TemplateContext, what: string): string {
  const value = template.render(context).trim();
  if (value === '') {
    throw connectorError('ConfigurationError', `auth.${what} is empty (from "${template.source}")`, {
      operation: 'authenticate',
      field: `auth.${what}`,
      hint: 'set the settings it names',
    });
  }
  return value;
}

export function renderAuthSecret(template: CompiledTemplate, context: TemplateContext, what: string, redactor: Redactor): string {
  const value = renderAuthValue(template, context, what);
  redactor.addSecret(value);
  return value;
}

/** An absolute http(s) URL, or a configuration error naming the template. */
export function renderAuthUrl(template: CompiledTemplate, context: TemplateContext, what: string): URL {
  const value = renderAuthValue(template, context, what);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw connectorError('ConfigurationError', `auth.${what} "${value}" (from "${template.source}") is not an absolute http(s) URL`, {
      operation: 'authenticate',
      field: `auth.${what}`,
    });
  }
  return url;
}
