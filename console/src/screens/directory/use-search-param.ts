import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate, useLocation } from '../../routing/router.js';

const DEBOUNCE_MS = 250;

export interface SearchParam {
  text: string;
  setText: (text: string) => void;
  query: string;
}

/** The address with one query parameter set (or removed, for ''), the others kept. */
function withParam(pathname: string, name: string, value: string): string {
  const params = new URLSearchParams(window.location.search);
  if (value) params.set(name, value);
  else params.delete(name);
  const rest = params.toString();
  return `${pathname}${rest ? `?${rest}` : ''}`;
}

/**
 * A search box's text and the query it has settled on: typing updates the box at once, the
 * query (and the address bar's `?q=`, so the view can be shared and survives a reload) a moment
 * after the last keystroke, so a 100k-user directory is not searched once per letter.
 */
export function useSearchParam(name = 'q'): SearchParam {
  const { pathname, search } = useLocation();
  const query = search.get(name) ?? '';
  const [text, setText] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const written = useRef(query);

  // Back/forward changes the address under the box: follow it — but not our own writes, which
  // would put back a prefix of what the operator has typed since.
  useEffect(() => {
    if (query !== written.current) setText(query);
    written.current = query;
  }, [query]);
  useEffect(() => {
    if (text.trim() === query) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      written.current = text.trim();
      navigate(withParam(pathname, name, text.trim()), { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text, query, name, pathname]);

  return { text, setText, query };
}

/**
 * A choice kept in the address (`?active=false`), so a filtered view survives a reload and can be
 * shared; a value outside `choices` (a hand-edited URL) counts as no choice.
 */
export function useChoiceParam<Choice extends string>(name: string, choices: readonly Choice[]): [Choice | '', (choice: Choice | '') => void] {
  const { pathname, search } = useLocation();
  const raw = search.get(name) ?? '';
  const value = (choices as readonly string[]).includes(raw) ? (raw as Choice) : '';
  return [value, (choice) => navigate(withParam(pathname, name, choice), { replace: true })];
}
