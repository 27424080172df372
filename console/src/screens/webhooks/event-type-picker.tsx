import type { DirectoryEventType } from '../../gql/graphql.js';
import { DIRECTORY_EVENT_TYPES, wireName } from './event-types.js';

interface Props {
  /** null: all events (also types added later). */
  value: DirectoryEventType[] | null;
  onChange: (value: DirectoryEventType[] | null) => void;
}

/** All events, or a choice from the fixed catalogue. */
export function EventTypePicker({ value, onChange }: Props) {
  const toggle = (type: DirectoryEventType, on: boolean) => {
    const chosen = new Set(value ?? []);
    if (on) chosen.add(type);
    else chosen.delete(type);
    onChange(DIRECTORY_EVENT_TYPES.filter((candidate) => chosen.has(candidate)));
  };
  return (
    <fieldset class="event-types">
      <legend>Event types</legend>
      <label class="checkbox">
        <input type="radio" name="event-scope" checked={value === null} onChange={() => onChange(null)} />
        All events, including types added later
      </label>
      <label class="checkbox">
        <input type="radio" name="event-scope" checked={value !== null} onChange={() => onChange(value ?? [])} />
        Only the types chosen below
      </label>
      {value !== null && (
        <div class="event-types__grid" role="group" aria-label="Event types to receive">
          {DIRECTORY_EVENT_TYPES.map((type) => (
            <label class="checkbox" key={type}>
              <input type="checkbox" checked={value.includes(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} />
              <code>{wireName(type)}</code>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
