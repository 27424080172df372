export const STATUS_CHOICES = ['true', 'false'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number] | '';

/** All / Active / Inactive users; "Inactive" includes users whose `active` a PATCH removed. */
export function StatusFilter({ value, onChange }: { value: StatusChoice; onChange: (value: StatusChoice) => void }) {
  return (
    <div class="field directory-toolbar__filter">
      <label for="user-status">Status</label>
      <select id="user-status" class="input" value={value} onChange={(event) => onChange(event.currentTarget.value as StatusChoice)}>
        <option value="">All users</option>
        <option value="true">Active only</option>
        <option value="false">Inactive only</option>
      </select>
    </div>
  );
}

/** The GraphQL `active` argument (and the export's `active=` parameter) for a choice. */
export const activeArgument = (value: StatusChoice): boolean | null => (value === '' ? null : value === 'true');
