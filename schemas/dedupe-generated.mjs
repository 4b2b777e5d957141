// json-schema-to-typescript emits a numbered copy (Template12, JsonLocation3, ...) for every
// `$ref` that carries its own description. The copies are identical to the base type, so we
// fold them back into one name: the generated file stays readable and its types comparable.

/** Splits generated TypeScript into top-level declarations, each with its leading JSDoc. */
function declarations(source) {
  const parts = source.split(/\n(?=(?:\/\*\*[\s\S]*?\*\/\n)?export (?:type|interface) )/);
  return parts.map((text) => {
    const m = /export (type|interface) (\w+)/.exec(text);
    return { text, name: m ? m[2] : null };
  });
}

function body(text) {
  const withoutComments = text.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return withoutComments.replace(/export (?:type|interface) \w+/, '').replace(/\s+/g, ' ').trim();
}

export function dedupeNumberedTypes(source) {
  let current = source;
  for (;;) {
    const decls = declarations(current);
    const byName = new Map(decls.filter((d) => d.name).map((d) => [d.name, d]));
    const renames = new Map();
    for (const decl of decls) {
      const m = decl.name && /^(\D\w*?)(\d+)$/.exec(decl.name);
      if (!m) continue;
      const base = byName.get(m[1]);
      if (base && body(base.text) === body(decl.text)) renames.set(decl.name, m[1]);
    }
    if (renames.size === 0) return current;
    const kept = decls.filter((d) => !renames.has(d.name)).map((d) => d.text).join('\n');
    current = kept.replace(/\b([A-Z]\w*?\d+)\b/g, (word) => renames.get(word) ?? word);
  }
}
