import type { ScimObject } from './attribute-values.js';
import { serializeGroup, type GroupRow, type SerializeOptions } from './serialize.js';

type Member = NonNullable<GroupRow['members']>[number];

/** The rendered members of `resource` (a group serialized with one batch of them), comma-joined. */
const membersText = (resource: ScimObject) => ((resource.members as unknown[] | undefined) ?? []).map((member) => JSON.stringify(member)).join(',');

/** The JSON text of `object` before and after the value of `key`: `{"a":1,` and `,"b":2}`. */
function splitAround(object: ScimObject, key: string): [string, string] {
  const keys = Object.keys(object);
  const at = keys.indexOf(key);
  const pick = (names: string[]) => JSON.stringify(Object.fromEntries(names.map((name) => [name, object[name]])));
  const before = pick(keys.slice(0, at));
  const after = pick(keys.slice(at + 1));
  return [before === '{}' ? '{' : `${before.slice(0, -1)},`, after === '{}' ? '}' : `,${after.slice(1)}`];
}

/**
 * The group resource serializeGroup renders, as JSON text written a batch of members at a time:
 * the same text, key order included, so one batch of members is in memory however large the group.
 * Whether (and where) `members` appears follows the first batch that renders any: a projection of
 * sub-attributes leaves out a list with nothing in it, as it does for the whole group.
 */
export async function* groupJsonChunks(group: GroupRow, batches: AsyncIterable<Member[]>, options: SerializeOptions): AsyncGenerator<string> {
  const render = (members: Member[]) => serializeGroup({ ...group, members }, options);
  let closing: string | undefined;
  for await (const batch of batches) {
    const resource = render(batch);
    const text = membersText(resource);
    if (text === '') continue;
    if (closing !== undefined) {
      yield `,${text}`;
      continue;
    }
    const [before, after] = splitAround(resource, 'members');
    yield `${before}"members":[${text}`;
    closing = `]${after}`;
  }
  yield closing ?? JSON.stringify(render([]));
}
