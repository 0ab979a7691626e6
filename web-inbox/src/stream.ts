import { useEffect, useRef } from 'react';

/**
 * The conversation stream (server-sent events). EventSource reconnects by itself and sends Last-Event-ID, so
 * the service replays what was missed; any change event calls onChange (debounced by the caller's load).
 */
export function useConversationStream(onChange: (event: { type: string; data: unknown }) => void) {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/conversations/stream');
    const names = ['session-opened', 'message-recorded', 'session-status-changed', 'session-escalated',
      'session-assigned', 'session-insights-updated', 'session-closed', 'message-delivery-updated', 'reset'];
    const listener = (event: MessageEvent) => {
      let data: unknown = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        data = null;
      }
      callback.current({ type: event.type, data });
    };
    names.forEach((name) => source.addEventListener(name, listener));
    return () => source.close();
  }, []);
}
