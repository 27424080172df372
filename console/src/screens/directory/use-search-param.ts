import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate, useLocation } from '../../routing/router.js';

const DEBOUNCE_MS = 250;

/**
 * A search box's text and the query it has settled on: typing updates the box at once, the
 * query (and the address bar's `?q=`, so the view can be shared and survives a reload) a moment
 * after the last keystroke, so a 100k-user directory is not searched once per letter.
 */
export function useSearchParam(name = 'q'): { text: string; setText: (text: string) => void; query: string } {
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
      const params = new URLSearchParams(window.location.search);
      if (text.trim()) params.set(name, text.trim());
      else params.delete(name);
      const rest = params.toString();
      written.current = text.trim();
      navigate(`${pathname}${rest ? `?${rest}` : ''}`, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text, query, name, pathname]);

  return { text, setText, query };
}
