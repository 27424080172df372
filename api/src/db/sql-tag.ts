/**
 * SQL text with the values it binds. A fragment interpolated into another brings its values
 * along, so composed statements never keep a parameter order by hand, and `$n` placeholders are
 * numbered once, when the statement is rendered — SQL written here may use jsonb's `?` operators.
 */
export class SqlFragment {
  /** @internal use `sql`, `sql.raw`, `sql.join`. `texts` has one more entry than `values`. */
  constructor(
    readonly texts: readonly string[],
    readonly values: readonly unknown[],
    /** Planned for its values on every call, never prepared (see `planPerCall`). */
    readonly planPerCall = false,
  ) {}
}

export interface RenderedSql {
  readonly text: string;
  readonly values: unknown[];
  readonly planPerCall: boolean;
}

function compose(strings: readonly string[], parts: readonly unknown[]): SqlFragment {
  const texts: string[] = [strings[0]!];
  const values: unknown[] = [];
  let planPerCall = false;
  parts.forEach((part, index) => {
    const following = strings[index + 1]!;
    if (part instanceof SqlFragment) {
      planPerCall ||= part.planPerCall;
      texts[texts.length - 1] += part.texts[0]!;
      for (let i = 0; i < part.values.length; i += 1) {
        values.push(part.values[i]);
        texts.push(part.texts[i + 1]!);
      }
      texts[texts.length - 1] += following;
    } else {
      values.push(part);
      texts.push(following);
    }
  });
  return new SqlFragment(texts, values, planPerCall);
}

const EMPTY = new SqlFragment([''], []);

interface SqlTag {
  (strings: TemplateStringsArray, ...parts: unknown[]): SqlFragment;
  /** Trusted text written in code (identifiers, keywords) — never a request's value. */
  raw(text: string): SqlFragment;
  /** The fragments with `separator` between them; an empty list is an empty fragment. */
  join(fragments: readonly SqlFragment[], separator?: string): SqlFragment;
  /**
   * Marks a statement whose best plan depends on its values (SCIM list filters): it is never
   * prepared, so PostgreSQL plans each call for them. A generic plan cannot see which company or
   * filter value it serves — `active eq false` matches nobody in one directory and most of another.
   */
  planPerCall(fragment: SqlFragment): SqlFragment;
  readonly empty: SqlFragment;
}

export const sql: SqlTag = Object.assign((strings: TemplateStringsArray, ...parts: unknown[]) => compose(strings, parts), {
  raw: (text: string) => new SqlFragment([text], []),
  join(fragments: readonly SqlFragment[], separator = ', ') {
    if (fragments.length === 0) return EMPTY;
    const strings = ['', ...fragments.slice(1).map(() => separator), ''];
    return compose(strings, fragments);
  },
  planPerCall: (fragment: SqlFragment) => new SqlFragment(fragment.texts, fragment.values, true),
  empty: EMPTY,
});

/** The statement as PostgreSQL receives it: `$1…$n` in order of the values. */
export function renderSql(fragment: SqlFragment): RenderedSql {
  let text = fragment.texts[0]!;
  for (let i = 1; i < fragment.texts.length; i += 1) text += `$${i}${fragment.texts[i]!}`;
  return { text, values: [...fragment.values], planPerCall: fragment.planPerCall };
}
