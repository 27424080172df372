/** "SCIM · Okta", or Manual. */
export function SourceText({ source, token }: { source: string; token: string | null | undefined }) {
  if (source === 'MANUAL') return <span>Manual</span>;
  return <span>{token ? `SCIM · ${token}` : 'SCIM'}</span>;
}
