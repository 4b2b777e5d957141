// What a template may name: its root variables and, for some, the keys below them.
// A template naming anything else is a load-time error, with a did-you-mean.

/** 'scalar': no sub-path; 'any': any sub-path (free-form objects); a map: known keys. */
export type VariableShape = 'scalar' | 'any' | { readonly [key: string]: VariableShape };

export interface TemplateScope {
  readonly variables: { readonly [name: string]: VariableShape };
  /** Words for messages, e.g. "a relURI of operation create of class user". */
  readonly description?: string;
}

export function extendScope(scope: TemplateScope, variables: { readonly [name: string]: VariableShape }): TemplateScope {
  return { ...scope, variables: { ...scope.variables, ...variables } };
}

/** Builds a nested shape from dotted paths, e.g. ["passwordProfile.password", "city"]. */
export function shapeFromPaths(paths: Iterable<{ path: string; shape: VariableShape }>): VariableShape {
  const root: Record<string, VariableShape> = {};
  for (const { path, shape } of paths) {
    const parts = path.split('.');
    let node: Record<string, VariableShape> | undefined = root;
    for (let i = 0; node && i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1) {
        if (!(part in node)) node[part] = shape;
        break;
      }
      const next: VariableShape | undefined = node[part];
      if (next === 'any') break;
      if (next === undefined || next === 'scalar') node[part] = {};
      node = node[part] as Record<string, VariableShape>;
    }
  }
  return root;
}
