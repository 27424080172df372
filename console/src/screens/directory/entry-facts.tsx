import type { ComponentChildren } from 'preact';
import { absoluteTime } from '../../lib/format-time.js';
import { flattenAttributes } from '../../lib/scim-attributes.js';
import { SourceText } from './source-text.js';

export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="attribute">
      <dt>{label}</dt>
      <dd>{children ?? <span class="muted">—</span>}</dd>
    </div>
  );
}

export interface OriginEntry {
  id: string;
  externalId?: string | null;
  source: string;
  createdByToken?: string | null;
  updatedByToken?: string | null;
  created: string;
  lastModified: string;
}

/** What users and groups share: origin, the tokens that created and last changed it, times. */
export function OriginFacts(entry: OriginEntry) {
  return (
    <>
      <Fact label="SCIM id">
        <code>{entry.id}</code>
      </Fact>
      <Fact label="External id">{entry.externalId && <code>{entry.externalId}</code>}</Fact>
      <Fact label="Source">
        <SourceText source={entry.source} token={null} />
      </Fact>
      <Fact label="Created by token">{entry.createdByToken ?? (entry.source === 'SCIM' ? 'Unknown' : null)}</Fact>
      <Fact label="Last changed by token">{entry.updatedByToken ?? (entry.source === 'SCIM' ? 'Unknown' : null)}</Fact>
      <Fact label="Created">
        <time dateTime={entry.created}>{absoluteTime(entry.created)}</time>
      </Fact>
      <Fact label="Last modified">
        <time dateTime={entry.lastModified}>{absoluteTime(entry.lastModified)}</time>
      </Fact>
    </>
  );
}

/** The resource's remaining SCIM attributes (title, phone numbers, enterprise extension…). */
export function MoreAttributes({ resource, shown }: { resource: unknown; shown: readonly string[] }) {
  const rows = flattenAttributes(resource, shown);
  return (
    <>
      {rows.map(([path, value]) => (
        <Fact key={path} label={path}>
          {value}
        </Fact>
      ))}
    </>
  );
}
