import { describe, expect, it } from 'vitest';
import { isSendKey, renderTemplate, templateVariables, timeAgo, windowText } from './format';

const NOW = Date.parse('2030-01-01T12:00:00Z');

describe('format', () => {
  it('says how long ago', () => {
    expect(timeAgo('2030-01-01T11:58:00Z', NOW)).toBe('2 min ago');
    expect(timeAgo('2030-01-01T11:59:50Z', NOW)).toBe('just now');
    expect(timeAgo('2030-01-01T09:00:00Z', NOW)).toBe('3 h ago');
    expect(timeAgo('2029-12-31T10:00:00Z', NOW)).toBe('yesterday');
  });

  it('counts the WhatsApp window down and says when it closed', () => {
    expect(windowText('whatsapp', '2030-01-01T03:12:00Z', NOW)).toBe('WhatsApp window closes in 15 h 12 min');
    expect(windowText('whatsapp', '2029-12-31T11:00:00Z', NOW)).toBe('WhatsApp window closed');
    expect(windowText('sms', '2030-01-01T11:30:00Z', NOW)).toBe('SMS window closes in 3 h 30 min');
    expect(windowText('email', '2030-01-01T11:30:00Z', NOW)).toBeNull();
  });

  it('finds and fills template variables', () => {
    expect(templateVariables('Hi {{1}}, order {{order}} ships {{ 1 }}')).toEqual(['1', 'order']);
    expect(renderTemplate('Hi {{1}}, order {{order}}', { '1': 'Ann' })).toBe('Hi Ann, order {{order}}');
  });

  it('sends on Enter, not on Shift+Enter', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});
