import { useEffect, useRef } from 'react';

type Listener = (event: { type: string; data: unknown }) => void;

const NAMES = ['session-opened', 'message-recorded', 'session-status-changed', 'session-escalated',
  'session-assigned', 'session-insights-updated', 'session-closed', 'session-note-added', 'message-delivery-updated', 'reset'];

// One EventSource for the whole page, whatever number of components listen: a browser keeps at most six
// connections per host over HTTP/1.1, and a stream holds one for as long as it is open.
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function dispatch(event: MessageEvent) {
  let data: unknown = null;
  try {
    data = JSON.parse(event.data);
  } catch {
    data = null;
  }
  listeners.forEach((listener) => listener({ type: event.type, data }));
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/conversations/stream');
  NAMES.forEach((name) => source!.addEventListener(name, dispatch));
}

function close() {
  source?.close();
  source = null;
}

if (typeof window !== 'undefined') {
  // a page leaving (or frozen in the back/forward cache) gives its connection back at once; EventSource resumes
  // with Last-Event-ID only within one object, so a page shown again starts a fresh stream and reloads anyway
  window.addEventListener('pagehide', close);
  window.addEventListener('pageshow', () => {
    if (listeners.size > 0) open();
  });
}

/**
 * The conversation stream (server-sent events). EventSource reconnects by itself and sends Last-Event-ID, so
 * the service replays what was missed; any change event calls onChange (debounced by the caller's load).
 */
export function useConversationStream(onChange: Listener) {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const listener: Listener = (event) => callback.current(event);
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  }, []);
}
