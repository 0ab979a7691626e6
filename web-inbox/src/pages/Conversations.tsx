import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from '../api';
import { ChannelBadge, StatusChip } from '../components/Badges';
import { timeAgo } from '../format';
import { markShown } from '../marks';
import { isUnread } from '../seen';
import { useAgentName, useSession } from '../session';
import { useConversationStream } from '../stream';
import type { Conversation, Page } from '../types';

const PAGE_SIZE = 25;
const STATUSES = ['active', 'waiting_reply', 'needs_human', 'completed', 'expired'];
const CHANNELS = ['whatsapp', 'sms', 'mms', 'voice', 'email'];

export function Conversations({ contactId, onOpen }: { contactId?: string; onOpen?: (sessionId: string) => void }) {
  const { me } = useSession();
  const agentName = useAgentName();
  const [status, setStatus] = useState(contactId ? '' : 'active');
  const [channel, setChannel] = useState('');
  const [queue, setQueue] = useState('');
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Conversation> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const pending = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (status) params.set('status', status);
    if (channel) params.set('channel', channel);
    if (queue) params.set('queue', queue);
    if (mine) params.set('assignee', me.id);
    if (query) params.set('q', query);
    if (contactId) params.set('contactId', contactId);
    try {
      setData(await get<Page<Conversation>>(`/api/v1/conversations?${params}`));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not load the conversations.');
    }
  }, [page, status, channel, queue, mine, query, contactId, me.id]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      void load();
      setTick((t) => t + 1);
    }, 10_000);
    return () => window.clearInterval(timer);
  }, [load]);

  // live: any change reloads the page shown (coalesced)
  useConversationStream(() => {
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => void load(), 200);
  });

  useEffect(() => {
    if (data && !contactId) markShown('inbox:list-shown');
  }, [data, contactId]);

  const totalPages = data ? Math.max(1, Math.ceil(data.totalItems / PAGE_SIZE)) : 1;
  return (
    <section {...(contactId ? { 'aria-label': "The contact's conversations" } : { 'aria-labelledby': 'conversations-title' })}>
      {!contactId && <h1 id="conversations-title">Conversations</h1>}
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setPage(0); setQuery(search); }}>
        <label>Status
          <select value={status} onChange={(e) => { setPage(0); setStatus(e.target.value); }}>
            <option value="">all</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s.replace('_', ' ')}</option>)}
          </select>
        </label>
        <label>Channel
          <select value={channel} onChange={(e) => { setPage(0); setChannel(e.target.value); }}>
            <option value="">all</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>Queue
          <input value={queue} onChange={(e) => { setPage(0); setQueue(e.target.value); }} size={10} />
        </label>
        <label className="check">
          <input type="checkbox" checked={mine} onChange={(e) => { setPage(0); setMine(e.target.checked); }} /> Mine
        </label>
        <label>Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      <ul className="conversations" aria-label="Conversations">
        {data?.items.map((c) => {
          const unread = isUnread(c.sessionId, c.lastCustomerMessageAt);
          const who = c.contact?.name || c.contact?.whatsappProfileName || c.customerAddress || 'Unknown';
          return (
            <li key={c.sessionId} className={unread ? 'row unread' : 'row'} data-session-id={c.sessionId}>
              <a href={`#/conversations/${encodeURIComponent(c.sessionId)}`}
                onClick={onOpen ? (e) => { e.preventDefault(); onOpen(c.sessionId); } : undefined}>
                <span className="line1">
                  {unread && <span className="unread-dot" aria-label="unread" role="img" />}
                  <ChannelBadge channel={c.channel} />
                  <strong className="who">{who}</strong>
                  <StatusChip status={c.status} />
                  <span className="when" title={c.lastMessageAt}>{timeAgo(c.lastMessageAt)}</span>
                </span>
                <span className="line2">
                  {c.intent && <span className="intent">{c.intent}</span>}
                  <span className="summary">{c.summary || c.lastMessagePreview}</span>
                </span>
                <span className="line3">
                  <span>{c.messageCount} {c.messageCount === 1 ? 'message' : 'messages'}</span>
                  {c.queue && <span>queue {c.queue}</span>}
                  <span>{c.assignee ? `assigned to ${agentName(c.assignee)}` : 'unassigned'}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      {data && data.items.length === 0 && <p>No conversations.</p>}
      <nav className="paging" aria-label="Pages">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
        <span>Page {page + 1} of {totalPages} ({data?.totalItems ?? 0})</span>
        <button type="button" disabled={page + 1 >= totalPages} onClick={() => setPage(page + 1)}>Next</button>
      </nav>
    </section>
  );
}
