import { describe, expect, it } from 'vitest';
import { timeline } from './thread';
import type { Message, Note } from './types';

const message = (id: string, createdAt: string) => ({ messageId: id, createdAt } as Message);
const note = (id: string, createdAt: string): Note => ({ noteId: id, kind: 'note', author: 'AUTOMATION', text: 'n', createdAt });

describe('timeline', () => {
  it('places each note among the messages by time', () => {
    const items = timeline(
      [message('m1', '2026-12-03T10:00:00Z'), message('m2', '2026-12-03T10:02:00Z')],
      [note('n1', '2026-12-03T10:01:00Z'), note('n2', '2026-12-03T10:05:00Z')]);
    expect(items.map((i) => (i.kind === 'message' ? i.message.messageId : i.note.noteId))).toEqual(['m1', 'n1', 'm2', 'n2']);
  });

  it('keeps messages alone when there is no note', () => {
    expect(timeline([message('m1', '2026-12-03T10:00:00Z')], [])).toHaveLength(1);
  });
});
