import { badRequest } from '../errors.js';
import type { Filter } from './ast.js';
import type { FilterTarget, MembershipMapping, ParamSink } from './filter-target.js';
import { isUuid } from './sql-leaf.js';

function unsupported(attribute: string): never {
  throw badRequest('invalidFilter', `Only ${attribute}.value eq "<id>" or ${attribute}[value eq "<id>"] can filter on ${attribute}`);
}

/** The id in `x eq "id"`, `x.value eq "id"` or `x[value eq "id"]`, or a 400 for anything else. */
function memberId(filter: Filter, attribute: string): string {
  const leaf = filter.kind === 'valuePath' ? filter.filter : filter;
  const sub = filter.kind === 'valuePath' ? (leaf.kind === 'compare' ? leaf.path.name : undefined) : (leaf.kind === 'compare' ? (leaf.path.subAttribute ?? 'value') : undefined);
  if (leaf.kind !== 'compare' || leaf.operator !== 'eq' || sub?.toLowerCase() !== 'value' || typeof leaf.value !== 'string') {
    unsupported(attribute);
  }
  if (filter.kind === 'valuePath' && leaf.path.subAttribute !== undefined) unsupported(attribute);
  return leaf.value;
}

/**
 * Members live in their own table, never in `attributes`: compile to an EXISTS on it.
 * A non-uuid id compiles to `false` (no error), since it cannot be anyone's id.
 */
export function compileMembership(filter: Filter, target: FilterTarget, mapping: MembershipMapping, params: ParamSink, alias: string): string {
  const id = memberId(filter, mapping.attribute);
  if (!isUuid(id)) return 'false';
  const [self, other] =
    mapping.attribute === 'members' ? [mapping.groupColumn, mapping.memberColumn] : [mapping.memberColumn, mapping.groupColumn];
  return `EXISTS (SELECT 1 FROM ${mapping.table} ${alias} WHERE ${alias}.company_id = ${target.alias}.company_id AND ${alias}.${self} = ${target.alias}.id AND ${alias}.${other} = ${params.add(id)}::uuid)`;
}
