import { SearchIcon } from '../../ui/icons.js';

interface DirectorySearchProps {
  id: string;
  label: string;
  placeholder: string;
  text: string;
  onText: (text: string) => void;
}

/** The search box of a directory tab; Escape clears it. */
export function DirectorySearch({ id, label, placeholder, text, onText }: DirectorySearchProps) {
  return (
    <div class="search-field">
      <label for={id}>{label}</label>
      <div class="search-field__box">
        <SearchIcon />
        <input
          id={id}
          type="search"
          class="input"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellcheck={false}
          onInput={(event) => onText(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Escape' && onText('')}
        />
      </div>
    </div>
  );
}

interface EmptyListProps {
  query: string;
  /** A filter besides the search, as a word before the noun: "inactive". */
  narrowed?: string | undefined;
  what: string;
  emptyText: string;
  onClear: () => void;
}

/** Nothing at all yet, or nothing for this search or filter: two different messages and next steps. */
export function EmptyList({ query, narrowed, what, emptyText, onClear }: EmptyListProps) {
  if (!query && !narrowed) {
    return (
      <div class="empty-state" data-testid="empty-state">
        <p>
          <strong>No {what} yet.</strong> {emptyText}
        </p>
      </div>
    );
  }
  return (
    <div class="empty-state" data-testid="no-match">
      <p>
        No {narrowed ? `${narrowed} ` : ''}
        {what}
        {query ? (
          <>
            {' '}
            match <strong>“{query}”</strong>
          </>
        ) : null}
        .
      </p>
      <button type="button" class="button" onClick={onClear}>
        {narrowed ? 'Clear the filters' : 'Clear the search'}
      </button>
    </div>
  );
}
