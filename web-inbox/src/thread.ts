import type { Message, Note } from './types';

export type ThreadItem = { kind: 'message'; message: Message } | { kind: 'note'; note: Note };

/** Messages and internal notes in one timeline, oldest first (a note goes after messages of the same instant). */
export function timeline(messages: Message[], notes: Note[]): ThreadItem[] {
  const items: ThreadItem[] = messages.map((message) => ({ kind: 'message', message }));
  notes.forEach((note) => {
    const at = Date.parse(note.createdAt);
    const index = items.findIndex((item) => item.kind === 'message' && Date.parse(item.message.createdAt) > at);
    items.splice(index === -1 ? items.length : index, 0, { kind: 'note', note });
  });
  return items;
}
