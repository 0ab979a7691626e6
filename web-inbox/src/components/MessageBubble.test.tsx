import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../types';
import { MessageBubble } from './MessageBubble';

const name = (id?: string | null) => (id === 'a-1' ? 'Alex Agent' : 'Agent');

function bubble(message: Partial<Message>) {
  const full: Message = { messageId: 'm1', sequence: 1, author: 'CUSTOMER', channel: 'whatsapp', createdAt: '2030-01-01T12:00:00Z', ...message };
  return render(<ul><MessageBubble message={full} agentName={name} /></ul>).container;
}

afterEach(cleanup);

describe('MessageBubble', () => {
  it('shows a body of markup as text', () => {
    const view = bubble({ body: '<img src=x onerror=alert(1)>' });
    expect(view.querySelector('.body')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(view.querySelector('.body img')).toBeNull();
  });

  it('shows an image thumbnail with the AI analysis of that image', () => {
    const view = bubble({
      media: [{ url: 'https://media.example/a.jpg', contentType: 'image/jpeg' }, { url: 'https://media.example/b.pdf', contentType: 'application/pdf' }],
      mediaAnalysis: [{ mediaUrl: 'https://media.example/a.jpg', description: 'A broken hex bolt', decodedCodes: ['4006381333931'] }],
    });
    const img = view.querySelector('img.thumbnail');
    expect(img?.getAttribute('src')).toBe('https://media.example/a.jpg');
    expect(img?.getAttribute('alt')).toContain('A broken hex bolt');
    const captions = [...view.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions).toEqual(['AI: A broken hex bolt (codes: 4006381333931)']);
  });

  it('renders buttons, list items and the customer choice', () => {
    const buttons = bubble({ author: 'AI', body: 'Which size?', interactive: { kind: 'quick-reply', body: 'Which size?', options: [{ id: 's', title: 'Small' }, { id: 'l', title: 'Large' }] } });
    expect([...buttons.querySelectorAll('.option')].map((o) => o.textContent)).toEqual(['Small', 'Large']);
    cleanup();
    const list = bubble({ author: 'AI', interactive: { kind: 'list-picker', body: 'Pick a part', buttonLabel: 'Parts', options: [{ id: 'p1', title: 'M8 bolt', description: '$0.20' }] } });
    expect(list.querySelector('ul[aria-label="List: Parts"] .option')?.textContent).toBe('M8 bolt — $0.20');
    cleanup();
    const choice = bubble({ interactiveReply: { type: 'button', id: 'l', title: 'Large' } });
    expect(choice.querySelector('.choice')?.textContent).toBe('Chose: Large');
  });

  it('shows delivery ticks and a failure with its reason', () => {
    expect(bubble({ author: 'AGENT', authorId: 'a-1', body: 'Hi', deliveryStatus: 'DELIVERED' }).querySelector('[data-status=delivered]')?.textContent).toContain('delivered');
    cleanup();
    const failed = bubble({ author: 'AGENT', authorId: 'a-1', body: 'Hi', deliveryStatus: 'FAILED', errorCode: '63016', errorMessage: 'Outside the WhatsApp window' });
    expect(failed.querySelector('.author')?.textContent).toBe('Alex Agent');
    expect(failed.querySelector('[data-status=failed]')?.textContent).toBe('failed: Outside the WhatsApp window');
  });
});
