import { ScimError } from '../errors.js';
import { isPlainObject } from '../resources/attribute-values.js';
import type { BulkOperation } from './bulk-request.js';

const PREFIX = 'bulkId:';

function refOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith(PREFIX) ? value.slice(PREFIX.length) : undefined;
}

/** Every `bulkId:<id>` string in a value, members' `value`s included (RFC 7644 §3.7.2). */
export function findBulkIdRefs(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    const ref = refOf(node);
    if (ref !== undefined) found.add(ref);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (isPlainObject(node)) Object.values(node).forEach(visit);
  };
  visit(value);
  return [...found];
}

/** The references one operation needs resolved before it can run (its id and its data). */
export function operationRefs(operation: BulkOperation): string[] {
  return [...new Set([...findBulkIdRefs(operation.id), ...findBulkIdRefs(operation.data)])];
}

/** A deep copy with `bulkId:` references replaced by ids; anything not yet known is listed. */
export function resolveBulkIds<T>(value: T, resolved: ReadonlyMap<string, string>): { value: T; unresolved: string[] } {
  const unresolved = new Set<string>();
  const visit = (node: unknown): unknown => {
    const ref = refOf(node);
    if (ref !== undefined) {
      const id = resolved.get(ref);
      if (id === undefined) unresolved.add(ref);
      return id ?? node;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (isPlainObject(node)) return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item)]));
    return node;
  };
  return { value: visit(value) as T, unresolved: [...unresolved] };
}

export interface BulkPlan {
  /** Operation indexes in an order where every reference is created before it is used. */
  order: number[];
  /** Operations that can never run: unknown or circular references (409, RFC 7644 §3.7.1). */
  failures: Map<number, ScimError>;
}

function unresolvable(detail: string): ScimError {
  return new ScimError(409, 'invalidValue', detail);
}

function blocker(ref: string, source: number | undefined, index: number, visit: (index: number) => boolean): string | undefined {
  if (source === undefined) return `bulkId "${ref}" is not defined in this request`;
  if (source === index || !visit(source)) return `bulkId "${ref}" cannot be resolved (circular or failed reference)`;
  return undefined;
}

/**
 * Orders operations so that `bulkId` producers run before their consumers, keeping request order
 * otherwise. References to unknown bulkIds, or cycles, fail those operations only.
 */
export function planBulkOperations(operations: BulkOperation[]): BulkPlan {
  const producer = new Map(operations.flatMap((op, index) => (op.bulkId === undefined ? [] : [[op.bulkId, index] as const])));
  const failures = new Map<number, ScimError>();
  const state = new Map<number, 'visiting' | 'done'>();
  const order: number[] = [];
  const visit = (index: number): boolean => {
    if (state.get(index) === 'done') return !failures.has(index);
    if (state.get(index) === 'visiting') return false;
    state.set(index, 'visiting');
    for (const ref of operationRefs(operations[index] as BulkOperation)) {
      const reason = blocker(ref, producer.get(ref), index, visit);
      if (reason && !failures.has(index)) failures.set(index, unresolvable(reason));
    }
    state.set(index, 'done');
    if (!failures.has(index)) order.push(index);
    return !failures.has(index);
  };
  operations.forEach((_op, index) => visit(index));
  return { order, failures };
}
