import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get, post } from '../api';
import { ChannelBadge, StatusChip } from '../components/Badges';
import { Composer } from '../components/Composer';
import { MessageBubble } from '../components/MessageBubble';
import { NotFound } from '../components/NotFound';
import { windowText } from '../format';
import { markShown } from '../marks';
import { markSeen } from '../seen';
import { useAgentName, useSession } from '../session';
import { useConversationStream } from '../stream';
import { timeline } from '../thread';
import type { Conversation, Message, Note, Page } from '../types';

const PAGE = 200;

interface ThreadView {
  conversation: Conversation;
  messages: Page<Message> & { totalPages?: number };
  notes?: Note[];
}

/** The newest page of a thread in one request (older ones on demand): a 1,000-message thread renders its last 200. */
async function loadThread(sessionId: string): Promise<{ conversation: Conversation; messages: Message[]; notes: Note[]; olderPages: number }> {
  const newest = await get<ThreadView>(`/api/v1/conversations/${encodeURIComponent(sessionId)}?newest=true&size=${PAGE}`);
  return { conversation: newest.conversation, messages: newest.messages.items, notes: newest.notes ?? [], olderPages: newest.messages.page };
}

export function ThreadPage({ sessionId, embedded }: { sessionId: string; embedded?: boolean }) {
  const { me } = useSession();
  const agentName = useAgentName();
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Message[]>([]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [olderPages, setOlderPages] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [queue, setQueue] = useState('');
  const end = useRef<HTMLLIElement>(null);

  const load = useCallback(async () => {
    try {
      const thread = await loadThread(sessionId);
      setConversation(thread.conversation);
      setMessages(thread.messages);
      setNotes(thread.notes);
      setOlderPages(thread.olderPages);
      markSeen(sessionId, thread.conversation.lastCustomerMessageAt);
      setPending((waiting) => waiting.filter((p) => !thread.messages.some((m) => m.messageId === p.messageId)));
      setError(null);
      setMissing(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else setError('Could not load the conversation.');
    }
  }, [sessionId]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(load, 10_000);
    return () => window.clearInterval(timer);
  }, [load]);

  useConversationStream((event) => {
    const data = event.data as { sessionId?: string } | null;
    if (!data || !data.sessionId || data.sessionId === sessionId) void load();
  });

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length, pending.length]);

  useEffect(() => {
    if (conversation && !embedded) markShown('inbox:thread-shown');
  }, [conversation, embedded]);

  const loadOlder = async () => {
    const page = olderPages - 1;
    const older = await get<ThreadView>(`/api/v1/conversations/${encodeURIComponent(sessionId)}?page=${page}&size=${PAGE}`);
    setMessages((current) => [...older.messages.items, ...current]);
    setOlderPages(page);
  };

  const act = async (path: string, body: unknown) => {
    try {
      setConversation(await post<Conversation>(`/api/v1/conversations/${encodeURIComponent(sessionId)}/${path}`, body));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The action failed.');
    }
  };

  const onSent = (message: Message) => {
    setPending((current) => {
      const others = current.filter((p) => p.createdAt !== message.createdAt);
      return [...others, message];
    });
    if (!message.pending) window.setTimeout(load, 500);
  };

  if (missing) return <NotFound what="conversation" />;
  if (!conversation) return error ? <p role="alert" className="error">{error}</p> : <p className="loading">Loading…</p>;
  const open = conversation.status !== 'completed' && conversation.status !== 'expired';
  const windowInfo = windowText(conversation.channel, conversation.replyWindow);
  const contact = conversation.contact;
  const shown = [...messages, ...pending.filter((p) => !messages.some((m) => m.messageId === p.messageId))];

  return (
    <div className={embedded ? 'thread embedded' : 'thread'}>
      <section className="thread-main" aria-labelledby="thread-title">
        <header className="session-header">
          {!embedded && <a href="#/conversations" className="back">← Conversations</a>}
          <h1 id="thread-title">{contact?.name || contact?.whatsappProfileName || conversation.customerAddress}</h1>
          <ChannelBadge channel={conversation.channel} />
          <StatusChip status={conversation.status} />
          {conversation.intent && <span className="intent">{conversation.intent}</span>}
          <span>{conversation.queue ? `queue ${conversation.queue}` : 'no queue'}</span>
          <span>{conversation.assignee ? `assigned to ${agentName(conversation.assignee)}` : 'unassigned'}</span>
          {windowInfo && <span className="window" role="status">{windowInfo}</span>}
        </header>
        {open && (
          <div className="actions" role="group" aria-label="Conversation actions">
            <button type="button" disabled={conversation.assignee === me.id}
              onClick={() => act('assign', { assignee: me.id, assignedBy: me.id })}>Assign to me</button>
            <label>Queue <input value={queue} onChange={(e) => setQueue(e.target.value)} size={10} /></label>
            <button type="button" onClick={() => act('escalate', queue ? { queue } : {})}>Escalate</button>
            <button type="button" onClick={() => act('complete', { completedBy: me.id })}>Complete</button>
          </div>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        {olderPages > 0 && <button type="button" onClick={loadOlder}>Load earlier messages</button>}
        <ol className="messages" aria-label="Messages">
          {timeline(shown, notes).map((item) => item.kind === 'message'
            ? <MessageBubble key={item.message.messageId} message={item.message} agentName={agentName} />
            : (
              <li key={item.note.noteId} className="note">
                <span className="author">Internal note · {item.note.author.toLowerCase()}</span>
                <span className="body">{item.note.text}</span>
              </li>
            ))}
          <li ref={end} className="end" aria-hidden="true" />
        </ol>
        <Composer conversation={conversation} onSent={onSent} />
      </section>
      {!embedded && (
        <aside className="side" aria-label="Customer and order">
          <h2>Customer</h2>
          {contact ? (
            <dl>
              <dt>Name</dt><dd>{contact.name || contact.whatsappProfileName || '—'}</dd>
              {contact.phone && <><dt>Phone</dt><dd>{contact.phone}</dd></>}
              {contact.whatsappAddress && <><dt>WhatsApp</dt><dd>{contact.whatsappAddress}</dd></>}
              {contact.email && <><dt>E-mail</dt><dd>{contact.email}</dd></>}
            </dl>
          ) : <p>{conversation.customerAddress}</p>}
          {contact && <a href={`#/contacts/${encodeURIComponent(contact.id)}`}>Contact page</a>}
          <h2>Summary</h2>
          <p>{conversation.summary || '—'}</p>
          <h2>Order draft</h2>
          {conversation.orderContext ? <OrderDraftView draft={conversation.orderContext} /> : <p>None</p>}
        </aside>
      )}
    </div>
  );
}

function OrderDraftView({ draft }: { draft: Record<string, unknown> }) {
  const lines = Array.isArray(draft.lines) ? (draft.lines as Record<string, unknown>[]) : Array.isArray(draft.items) ? (draft.items as Record<string, unknown>[]) : [];
  return (
    <div className="order">
      {lines.length > 0 ? (
        <table>
          <caption>Order lines</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Price</th></tr></thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}><td>{String(l.name ?? l.sku ?? l.product ?? '')}</td><td>{String(l.quantity ?? '')}</td><td>{String(l.unitPrice ?? l.price ?? '')}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {Object.entries(draft).filter(([k, v]) => k !== 'lines' && k !== 'items' && typeof v !== 'object').map(([k, v]) => (
        <p key={k}><strong>{k}</strong>: {String(v)}</p>
      ))}
    </div>
  );
}
