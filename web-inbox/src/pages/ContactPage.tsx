import { useEffect, useState } from 'react';
import { ApiError, get } from '../api';
import { NotFound } from '../components/NotFound';
import { channelName } from '../format';
import type { ContactRef } from '../types';
import { Conversations } from './Conversations';
import { ThreadPage } from './ThreadPage';

interface ChannelOptOut {
  channel: string;
  optedOut?: boolean;
  source?: string;
  changedAt?: string;
}

interface ContactDetail extends ContactRef {
  optOuts?: ChannelOptOut[];
  conversationsTotal?: number;
  conversations?: { sessionId: string }[];
}

const CHANNELS = ['sms', 'whatsapp', 'email'];

/** Every channel's state: what outbound reported (STOP, START…), else subscribed. */
function optOutRows(contact: ContactDetail): [string, string][] {
  const reported = contact.optOuts ?? [];
  const channels = [...CHANNELS, ...reported.map((o) => o.channel).filter((c) => !CHANNELS.includes(c))];
  return channels.map((channel) => {
    const states = reported.filter((o) => o.channel === channel);
    const out = states.find((o) => o.optedOut);
    if (!out) return [channel, 'subscribed'];
    const since = out.changedAt ? ` since ${new Date(out.changedAt).toLocaleString()}` : '';
    return [channel, `opted out${since}${out.source ? ` (${out.source})` : ''}`];
  });
}

/** A contact, its conversations, and the composer of the one chosen: reply without leaving the page. */
export function ContactPage({ contactId }: { contactId: string }) {
  const [contact, setContact] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    get<ContactDetail>(`/api/v1/contacts/${encodeURIComponent(contactId)}`)
      .then((c) => {
        setContact(c);
        if (c.conversations?.[0]) setOpen(c.conversations[0].sessionId);
      })
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setError('Could not load the contact.')));
  }, [contactId]);

  if (missing) return <NotFound what="contact" />;
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
        <table className="opt-outs">
          <caption>Opt-out state per channel</caption>
          <thead><tr><th scope="col">Channel</th><th scope="col">State</th></tr></thead>
          <tbody>
            {optOuts.map(([channel, state]) => (
              <tr key={channel} data-channel={channel}><th scope="row">{channelName(channel)}</th><td>{state}</td></tr>
            ))}
          </tbody>
        </table>
        <h2>Conversations</h2>
        <Conversations contactId={contactId} onOpen={setOpen} />
      </section>
      <section aria-label="Conversation" className="contact-thread">
        {open ? <ThreadPage sessionId={open} embedded /> : <p>Choose a conversation.</p>}
      </section>
    </div>
  );
}
