/**
 * PostgreSQL refuses NUL in text and jsonb, and the driver would silently turn an unpaired UTF-16
 * surrogate into U+FFFD: neither can be stored as sent, so both are refused where input arrives.
 */
/* eslint-disable no-control-regex -- NUL is exactly what these look for */
const UNSTORABLE = /\u0000|\p{Cs}/u;
const UNSTORABLE_ALL = /\u0000|\p{Cs}/gu;
/* eslint-enable no-control-regex */

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with NUL and unpaired surrogates replaced by U+FFFD, for records that must be kept whatever arrived. */
export function replaceUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/** Input quoted in a message, with NUL and unpaired surrogates written as `\uXXXX` escapes. */
export function printableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type JsonProblem = { kind: 'depth'; path: string } | { kind: 'text'; path: string };

const member = (path: string, key: string) => (path ? `${path}.${key}` : key);

interface Pending {
  node: unknown;
  depth: number;
  path: string;
}

/**
 * The first string (value or key) that cannot be stored, or the first container nested deeper
 * than `maxDepth`, in a parsed JSON value. Iterative, so a body nested 200,000 levels deep is
 * answered instead of overflowing the stack.
 */
export function findJsonProblem(value: unknown, maxDepth: number): JsonProblem | undefined {
  const pending: Pending[] = [{ node: value, depth: 0, path: '' }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, depth, path } = item;
    if (typeof node === 'string') {
      if (!isStorableText(node)) return { kind: 'text', path };
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) return { kind: 'depth', path };
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index -= 1) pending.push({ node: node[index], depth: depth + 1, path: `${path}[${index}]` });
      continue;
    }
    const entries = Object.entries(node as Record<string, unknown>);
    for (const [key] of entries) if (!isStorableText(key)) return { kind: 'text', path: member(path, printableText(key)) };
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index]!;
      pending.push({ node: child, depth: depth + 1, path: member(path, key) });
    }
  }
  return undefined;
}
