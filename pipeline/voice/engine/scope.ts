/** Vale's scope selectors: `text`, `heading.h2`, `~blockquote`, `sentence`, `list & ~heading`… */

type Selector = { readonly sections: readonly string[]; readonly negated: boolean };

function toSelector(value: string): Selector {
  const trimmed = value.trim();
  const negated = trimmed.startsWith('~');
  return { sections: (negated ? trimmed.slice(1) : trimmed).split('.').map((s) => s.trim()), negated };
}

/** Compiles a rule's scope list into a predicate over block scopes. */
export function compileScope(scopes: readonly string[]): (blockScope: string) => boolean {
  const options = scopes.map((scope) => scope.split('&').map(toSelector));
  // Block scopes are a handful of strings: decide each once.
  const decided = new Map<string, boolean>();
  return (blockScope) => {
    const known = decided.get(blockScope);
    if (known !== undefined) return known;
    const sections = new Set(blockScope.split('.'));
    const sized = sections.has('raw') || sections.has('summary');
    const matches = options.some((parts) =>
      parts.every((part) => {
        const contained = part.sections.every((s) => sections.has(s));
        if (part.negated) return !contained && !sized;
        return contained;
      }),
    );
    decided.set(blockScope, matches);
    return matches;
  };
}

export const VALE_SCOPES: ReadonlySet<string> = new Set([
  'text',
  'heading',
  'table',
  'list',
  'paragraph',
  'sentence',
  'alt',
  'title',
  'blockquote',
  'summary',
  'raw',
  'figure',
  'frontmatter',
]);
