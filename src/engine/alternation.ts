// The prefilter is one alternation of every rule's pattern, run over every file of a repository. Written
// as the rules write their patterns it is slower than it needs to be: V8 tries an alternative that
// starts with a quote (`['"](?:[^'"\n]*\/)?(?:tmp|temp)['"]`) at every quote of the file, and the
// same alternative comes from several rules. fastAlternation() builds a regex that matches exactly the
// same texts (the prefilter only ever asks whether a text matches, never where) from the rules'
// patterns, with the quote-led alternatives turned around so that each starts with a name.

/** The alternatives of a regex source at its top level: `a|(b|c)|[|]` gives `a`, `(b|c)`, `[|]`. */
export function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

const QUOTE = `['"]`;
const PATH_PREFIX = `(?:[^'"\\n]*\\/)?`;
const NAME = /^[\w-]+$/;

/**
 * A quoted name, as the rules write a module specifier: `['"]tmp['"]`, `['"](?:tmp|temp)['"]`, and
 * either with a directory part before the name (`['"](?:[^'"\n]*\/)?(?:temp|tempy)['"]`). The names,
 * and whether a directory part may come first; undefined for any other alternative.
 */
function quotedNames(alternative: string): { names: string[]; withPath: boolean } | undefined {
  if (!alternative.startsWith(QUOTE) || !alternative.endsWith(QUOTE)) return undefined;
  let inner = alternative.slice(QUOTE.length, alternative.length - QUOTE.length);
  const withPath = inner.startsWith(PATH_PREFIX);
  if (withPath) inner = inner.slice(PATH_PREFIX.length);
  if (inner.startsWith('(?:') && inner.endsWith(')')) inner = inner.slice(3, -1);
  const names = inner.split('|');
  return names.every((name) => NAME.test(name)) ? { names, withPath } : undefined;
}

/** The same quoted names, name first: `(?:a|b)(?<=['"](?:a|b))['"]` matches where the original does. */
function nameFirst(names: string[], withPath: boolean): string {
  const group = `(?:${names.join('|')})`;
  return `${group}(?<=${QUOTE}${withPath ? PATH_PREFIX : ''}${group})${QUOTE}`;
}

/** True when an alternative holds no assertion (`\b`, `^`, `$`, a look-around), so any text holding a match of it matches. */
function assertionFree(alternative: string): boolean {
  return !/\\[bB]|\(\?<?[=!]|(^|[^\\])[$^]/.test(alternative.replace(/\[\^/g, '['));
}

/**
 * One regex that a text matches exactly when it matches one of `sources`: their top-level alternatives
 * once each, the quoted names merged and turned name first, and a plain word left out where another
 * alternative without assertions already matches inside it (`tmpdir` beside the helper names).
 */
export function fastAlternation(sources: readonly string[]): RegExp {
  const alternatives = [...new Set(sources.flatMap(topLevelAlternatives))];
  const withPath = new Set<string>();
  const bare = new Set<string>();
  const rest: string[] = [];
  for (const alternative of alternatives) {
    const quoted = quotedNames(alternative);
    if (!quoted) rest.push(alternative);
    else for (const name of quoted.names) (quoted.withPath ? withPath : bare).add(name);
  }
  // A directory part is optional: a name that may have one also matches without it.
  for (const name of withPath) bare.delete(name);
  const kept = rest.filter(
    (alternative) => !(NAME.test(alternative) && rest.some((other) => other !== alternative && assertionFree(other) && new RegExp(other).test(alternative))),
  );
  if (withPath.size > 0) kept.push(nameFirst([...withPath], true));
  if (bare.size > 0) kept.push(nameFirst([...bare], false));
  return new RegExp(kept.join('|'));
}
