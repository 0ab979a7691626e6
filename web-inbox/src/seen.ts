// Which conversations this browser has read up to which message time (for the unread marker).
const KEY = 'inbox.seen';

function read(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
}

export function markSeen(sessionId: string, at: string | undefined) {
  if (!at) return;
  const seen = read();
  seen[sessionId] = at;
  localStorage.setItem(KEY, JSON.stringify(seen));
}

export function isUnread(sessionId: string, lastCustomerMessageAt: string | undefined): boolean {
  if (!lastCustomerMessageAt) return false;
  const seen = read()[sessionId];
  return !seen || Date.parse(seen) < Date.parse(lastCustomerMessageAt);
}
