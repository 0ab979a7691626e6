import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError, get, post } from '../api';
import { isSendKey, renderTemplate, templateVariables } from '../format';
import { useSession } from '../session';
import type { Conversation, Message, Page, Template } from '../types';

interface Sent {
  messageId?: string;
  sequence?: number;
  status?: string;
}

/**
 * Replies on the session's own channel. Enter sends, Shift+Enter makes a new line, the Send button sends.
 * Outside the WhatsApp window plain text is off: an approved template (variables, preview) goes instead.
 */
export function Composer({ conversation, onSent }: { conversation: Conversation; onSent: (pending: Message) => void }) {
  const { me } = useSession();
  const [text, setText] = useState('');
  const [mediaUrl, setMediaUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [templateKey, setTemplateKey] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const closedSession = conversation.status === 'completed' || conversation.status === 'expired';
  const windowClosed = conversation.replyWindow?.templatesOnly === true;
  const closesAt = conversation.replyWindow?.closesAt;
  const closedSince = closesAt ? new Date(closesAt).toLocaleString() : null;
  const [templatesOnly, setTemplatesOnly] = useState(windowClosed);

  useEffect(() => setTemplatesOnly(windowClosed), [windowClosed, conversation.sessionId]);

  useEffect(() => {
    if (!templatesOnly) return;
    get<Page<Template>>(`/api/v1/message-templates?size=100&status=approved`)
      .then((page) => setTemplates(page.items.filter((t) => !t.channel || t.channel === conversation.channel)))
      .catch(() => setTemplates([]));
  }, [templatesOnly, conversation.channel]);

  const template = templates.find((t) => t.key === templateKey);
  const variables = template ? (template.variables?.length ? template.variables : templateVariables(template.body)) : [];

  const send = async () => {
    if (busy || closedSession) return;
    let body: Record<string, unknown>;
    let preview: string;
    if (templatesOnly) {
      if (!template) {
        setError('Choose a template.');
        return;
      }
      body = { sessionId: conversation.sessionId, template: { key: template.key, variables: values } };
      preview = renderTemplate(template.body, values);
    } else {
      if (!text.trim() && !mediaUrl.trim()) return;
      body = { sessionId: conversation.sessionId, message: text };
      if (mediaUrl.trim()) body.mediaUrls = [mediaUrl.trim()];
      preview = text;
    }
    setBusy(true);
    setError(null);
    const pending: Message = {
      messageId: `pending-${Date.now()}`, sequence: Number.MAX_SAFE_INTEGER, author: 'agent', authorId: me.id, channel: conversation.channel,
      body: preview, media: mediaUrl.trim() ? [{ url: mediaUrl.trim() }] : [], createdAt: new Date().toISOString(),
      deliveryStatus: 'queued', pending: true,
    };
    onSent(pending);
    try {
      const sent = await post<Sent>('/api/v1/conversations/reply', body);
      onSent({ ...pending, messageId: sent.messageId ?? pending.messageId, sequence: sent.sequence ?? pending.sequence, pending: false });
      setText('');
      setMediaUrl('');
      setValues({});
    } catch (e) {
      onSent({ ...pending, deliveryStatus: 'failed', errorMessage: 'not sent', pending: false });
      if (e instanceof ApiError) {
        const fields = e.problem.errors?.map((f) => `${f.field}: ${f.message}`).join('; ');
        setError(fields ? `${e.message} (${fields})` : e.message);
        if (e.status === 422 && Array.isArray(e.problem.allowedTemplates)) setTemplatesOnly(true);
      } else {
        setError('The reply could not be sent.');
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendKey({ key: event.key, shiftKey: event.shiftKey, isComposing: event.nativeEvent.isComposing })) {
      event.preventDefault();
      void send();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  return (
    <form className="composer" onSubmit={submit} aria-label="Reply">
      {closedSession && <p className="notice">This conversation is {conversation.status}: it takes no replies.</p>}
      {templatesOnly ? (
        <fieldset className="templates">
          <legend>Template</legend>
          <p className="notice" id="window-reason">
            The WhatsApp window is closed ({closedSince ? `since ${closedSince}` : 'the customer has not written yet'}): only an
            approved template can be sent.
          </p>
          <label htmlFor="composer-text">Message</label>
          <textarea id="composer-text" disabled aria-describedby="window-reason" value="" rows={2} readOnly />
          <label htmlFor="template-picker">Approved template</label>
          <select id="template-picker" value={templateKey} onChange={(e) => { setTemplateKey(e.target.value); setValues({}); }}>
            <option value="">Choose…</option>
            {templates.map((t) => <option key={t.id ?? t.key} value={t.key}>{t.name ?? t.key}{t.language ? ` (${t.language})` : ''}</option>)}
          </select>
          {variables.map((name) => (
            <label key={name}>
              {name}
              <input value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
            </label>
          ))}
          {template && <p className="preview"><strong>Preview: </strong>{renderTemplate(template.body, values)}</p>}
        </fieldset>
      ) : (
        <>
          <label htmlFor="composer-text">Message</label>
          <textarea id="composer-text" rows={3} value={text} disabled={closedSession}
            placeholder="Write a reply. Enter sends, Shift+Enter makes a new line."
            onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
          <label htmlFor="composer-media">Media URL (optional)</label>
          <input id="composer-media" type="url" value={mediaUrl} disabled={closedSession}
            placeholder="https://…" onChange={(e) => setMediaUrl(e.target.value)} />
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy || closedSession}>Send</button>
    </form>
  );
}
