import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/paging.js';

export const MAX_DEPTH = 10;
export const MAX_COST = 5000;

/**
 * Fields dearer than a plain read. signIn runs a deliberately slow password hash, so one
 * operation can hold at most one of them; the others touch the database on their own.
 */
const FIELD_COST: Record<string, number> = {
  signIn: 3000,
  counts: 50,
  createScimToken: 20,
  revokeScimToken: 20,
  activateScim: 20,
  deactivateScim: 20,
  // A whole SCIM resource: a group's holds every member.
  scimResource: 20,
};

/** Connections whose resolvers default to DEFAULT_PAGE_SIZE rows when `first` is left out. */
const PAGED_FIELDS = new Set(['recentActivity', 'auditTrail', 'directoryUsers', 'directoryGroups', 'groups', 'members']);

type Walk = (set: SelectionSetNode, seen: ReadonlySet<string>) => number;

/** Runs `measure` over every selection, following fragments once each (cycles are invalid anyway). */
function walker(context: ValidationContext, onField: (field: FieldNode, inner: Walk, seen: ReadonlySet<string>) => number, combine: 'sum' | 'max'): Walk {
  const walk: Walk = (set, seen) => {
    const values = set.selections.map((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__') ? 0 : onField(selection, walk, seen);
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      return fragment && !seen.has(name) ? walk(fragment.selectionSet, new Set([...seen, name])) : 0;
    });
    return combine === 'sum' ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values);
  };
  return walk;
}

/** A list field multiplies the cost of what it selects by its page size. */
function pageSize(field: FieldNode): number {
  const first = field.arguments?.find((arg) => arg.name.value === 'first');
  if (!first) return PAGED_FIELDS.has(field.name.value) ? DEFAULT_PAGE_SIZE : 1;
  return first.value.kind === Kind.INT ? Math.min(Number(first.value.value), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

function limitRule(kind: 'depth' | 'cost', limit: number): ValidationRule {
  return (context): ASTVisitor => {
    const walk =
      kind === 'depth'
        ? walker(context, (field, inner, seen) => 1 + (field.selectionSet ? inner(field.selectionSet, seen) : 0), 'max')
        : walker(
            context,
            (field, inner, seen) =>
              (FIELD_COST[field.name.value] ?? 1) + (field.selectionSet ? pageSize(field) * inner(field.selectionSet, seen) : 0),
            'sum',
          );
    return {
      OperationDefinition(node) {
        const value = walk(node.selectionSet, new Set());
        if (value > limit) {
          context.reportError(
            new GraphQLError(`Query ${kind} ${value} exceeds the limit of ${limit}`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', reason: kind === 'depth' ? 'QUERY_TOO_DEEP' : 'QUERY_TOO_COSTLY' },
            }),
          );
        }
      },
    };
  };
}

export const depthLimitRule = limitRule('depth', MAX_DEPTH);
export const costLimitRule = limitRule('cost', MAX_COST);

/** Adds both rules to validation, so they apply over HTTP and WebSocket alike. */
export function useQueryLimits(): Plugin {
  return {
    onValidate: ({ addValidationRule }) => {
      addValidationRule(depthLimitRule);
      addValidationRule(costLimitRule);
    },
  };
}
