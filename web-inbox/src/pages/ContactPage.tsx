import { useEffect, useState } from 'react';
import { get } from '../api';
import type { ContactRef } from '../types';
import { Conversations } from './Conversations';
import { ThreadPage } from './ThreadPage';

interface ContactDetail extends ContactRef {
  optOuts?: Record<string, boolean | string | null> | { channel: string; optedOut?: boolean; at?: string }[];
  conversationsTotal?: number;
  conversations?: { sessionId: string }[];
}

function optOutRows(contact: ContactDetail): [string, string][] {
  const optOuts = contact.optOuts;
  if (!optOuts) return [];
  if (Array.isArray(optOuts)) return optOuts.map((o) => [o.channel, o.optedOut === false ? 'subscribed' : `opted out${o.at ? ` ${o.at}` : ''}`]);
  return Object.entries(optOuts).map(([channel, v]) => [channel, v ? 'opted out' : 'subscribed']);
}

/** A contact, its conversations, and the composer of the one chosen: reply without leaving the page. */
export function ContactPage({ contactId }: { contactId: string }) {
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    get<ContactDetail>(`/api/v1/contacts/${encodeURIComponent(contactId)}`)
      .then((c) => {
        setContact(c);
        if (c.conversations?.[0]) setOpen(c.conversations[0].sessionId);
      })
      .catch(() => setError('Could not load the contact.'));
  }, [contactId]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!contact) return <p className="loading">Loading…</p>;
  const optOuts = optOutRows(contact);
  return (
    <div className="contact-page">
      <section aria-labelledby="contact-title" className="contact-details">
        <h1 id="contact-title">{contact.name || contact.whatsappProfileName || 'Contact'}</h1>
        <dl>
          <dt>Name</dt><dd>{contact.name || '—'}</dd>
          <dt>Phone</dt><dd>{contact.phone || '—'}</dd>
          <dt>WhatsApp</dt><dd>{contact.whatsappAddress || '—'}</dd>
          <dt>E-mail</dt><dd>{contact.email || '—'}</dd>
        </dl>
        <h2>Opt-outs</h2>
        {optOuts.length ? (
          <ul>{optOuts.map(([channel, state]) => <li key={channel}>{channel}: {state}</li>)}</ul>
        ) : <p>No opt-outs.</p>}
        <h2>Conversations</h2>
        <Conversations contactId={contactId} onOpen={setOpen} />
      </section>
      <section aria-label="Conversation" className="contact-thread">
        {open ? <ThreadPage sessionId={open} embedded /> : <p>Choose a conversation.</p>}
      </section>
    </div>
  );
}
