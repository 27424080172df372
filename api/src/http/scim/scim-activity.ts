export interface Outcome {
  status: number;
  resourceType?: string;
  resourceId?: string;
  scimType?: string;
  message?: string;
  resourceName?: string;
  changedAttributes?: string[];
}

const RESOURCE_TYPES: Record<string, string> = { users: 'User', groups: 'Group' };
const VERBS: Record<string, string> = { POST: 'Create', PUT: 'Replace', PATCH: 'Update', DELETE: 'Delete' };

/** A human label for the activity list: "Create User", "List Groups", "Search", "Bulk", … */
export function describeRequest(method: string, segments: string[], outcome: Outcome) {
  const [first = '', second] = segments.map((segment) => segment.toLowerCase());
  const resourceType = outcome.resourceType ?? RESOURCE_TYPES[first] ?? null;
  let operation: string;
  if (first === 'bulk') operation = 'Bulk';
  else if (first === '.search' || second === '.search') operation = resourceType ? `Search ${resourceType}s` : 'Search';
  else if (!RESOURCE_TYPES[first]) operation = segments[0] ? `Read ${segments[0]}` : 'Unknown';
  else if (method === 'GET') operation = second ? `Get ${resourceType}` : `List ${resourceType}s`;
  else operation = `${VERBS[method] ?? method} ${resourceType}`;
  return {
    operation,
    resourceType,
    resourceId: outcome.resourceId ?? (RESOURCE_TYPES[first] && second && second !== '.search' ? segments[1]! : null),
    status: outcome.status,
    scimType: outcome.scimType ?? null,
    message: outcome.message?.slice(0, 500) ?? null,
    resourceName: outcome.resourceName ?? null,
    changedAttributes: outcome.changedAttributes ?? null,
  };
}

const DISCOVERY: Record<string, string> = {
  serviceproviderconfig: 'ServiceProviderConfig', resourcetypes: 'ResourceTypes', schemas: 'Schemas', me: 'Me',
};

/** The operation as a metric label: the activity label, with paths that name no endpoint folded into one. */
export function metricOperation(operation: string, segments: string[]): string {
  if (!operation.startsWith('Read ')) return operation;
  const endpoint = DISCOVERY[segments[0]?.toLowerCase() ?? ''];
  return endpoint ? `Read ${endpoint}` : 'Other';
}
