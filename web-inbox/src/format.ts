// Small pure helpers (unit-tested): recency, channel windows, labels.

export function timeAgo(iso: string | undefined | null, now: number = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

const CHANNEL_NAMES: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', mms: 'MMS', voice: 'Voice', email: 'E-mail' };

export function channelName(channel: string | undefined): string {
  return channel ? CHANNEL_NAMES[channel] ?? channel : '';
}

/** The service's reply window of a conversation (conversation-service computes it: one rule, enforced there). */
export interface ReplyWindow {
  closesAt?: string | null;
  templatesOnly?: boolean;
}

/** Milliseconds left before free-form replies stop, or null when the channel has no window to show (e-mail). */
export function windowLeft(channel: string, window: ReplyWindow | undefined | null, now: number = Date.now()): number | null {
  if (!window || channel === 'email') return null;
  if (window.templatesOnly) return 0;
  if (!window.closesAt) return null;
  return Date.parse(window.closesAt) - now;
}

export function formatDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

export function windowText(channel: string, window: ReplyWindow | undefined | null, now: number = Date.now()): string | null {
  const left = windowLeft(channel, window, now);
  if (left === null) return null;
  return left > 0 ? `${channelName(channel)} window closes in ${formatDuration(left)}` : `${channelName(channel)} window closed`;
}

export function statusLabel(status: string): string {
  return status.replace('_', ' ');
}

/** Template variables: {{1}}, {{name}} → the names, in order of first use. */
export function templateVariables(body: string | undefined): string[] {
  if (!body) return [];
  const names: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

export function renderTemplate(body: string | undefined, values: Record<string, string>): string {
  return (body ?? '').replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => values[name] || `{{${name}}}`);
}

/** Enter sends, Shift+Enter makes a new line (and so does Enter while an IME composes). */
export function isSendKey(event: { key: string; shiftKey: boolean; isComposing?: boolean }): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}
