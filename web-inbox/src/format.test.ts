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
    expect(windowText('whatsapp', { closesAt: '2030-01-01T15:12:00Z', templatesOnly: false }, NOW)).toBe('WhatsApp window closes in 3 h 12 min');
    expect(windowText('whatsapp', { closesAt: '2030-01-01T11:00:00Z', templatesOnly: true }, NOW)).toBe('WhatsApp window closed');
    // a conversation the business started: no customer message, no window yet
    expect(windowText('whatsapp', { closesAt: null, templatesOnly: true }, NOW)).toBe('WhatsApp window closed');
    expect(windowText('sms', { closesAt: '2030-01-01T15:30:00Z', templatesOnly: false }, NOW)).toBe('SMS window closes in 3 h 30 min');
    expect(windowText('email', { closesAt: '2030-01-08T11:30:00Z', templatesOnly: false }, NOW)).toBeNull();
    expect(windowText('sms', undefined, NOW)).toBeNull();
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
