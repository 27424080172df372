import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import { CheckIcon, CloseIcon, ErrorIcon } from './icons.js';

export type NotificationKind = 'success' | 'error';

interface Notification {
  id: number;
  kind: NotificationKind;
  message: string;
}

type Notify = (kind: NotificationKind, message: string) => void;

const NotifyContext = createContext<Notify>(() => undefined);

/** `notify('success', 'SCIM deactivated.')` from any component below the provider. */
export function useNotify(): Notify {
  return useContext(NotifyContext);
}

const VISIBLE_MS = 8_000;

/**
 * Toasts in two live regions that exist from the first render (screen readers only announce
 * changes to regions they already know): polite for success, assertive for errors.
 */
export function NotificationsProvider({ children }: { children: ComponentChildren }) {
  const [items, setItems] = useState<Notification[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((item) => item.id !== id)), []);
  const notify = useCallback<Notify>(
    (kind, message) => {
      const id = nextId.current++;
      setItems((list) => [...list.slice(-3), { id, kind, message }]);
      setTimeout(() => dismiss(id), VISIBLE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <div class="toasts" role="region" aria-label="Notifications">
        <div aria-live="polite" aria-atomic="false" style={{ display: 'contents' }}>
          {items.filter((i) => i.kind === 'success').map((item) => <Toast key={item.id} item={item} onClose={dismiss} />)}
        </div>
        <div aria-live="assertive" aria-atomic="false" style={{ display: 'contents' }}>
          {items.filter((i) => i.kind === 'error').map((item) => <Toast key={item.id} item={item} onClose={dismiss} />)}
        </div>
      </div>
    </NotifyContext.Provider>
  );
}

function Toast({ item, onClose }: { item: Notification; onClose: (id: number) => void }) {
  return (
    <div class={`toast toast--${item.kind}`} data-testid={`toast-${item.kind}`}>
      {item.kind === 'success' ? <CheckIcon /> : <ErrorIcon />}
      <p>{item.message}</p>
      <button type="button" class="icon-button" aria-label="Dismiss notification" onClick={() => onClose(item.id)}>
        <CloseIcon />
      </button>
    </div>
  );
}
