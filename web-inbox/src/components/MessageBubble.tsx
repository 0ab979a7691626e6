import type { Message } from '../types';

const TICKS: Record<string, string> = { queued: '🕓', sending: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓' };

function authorLabel(message: Message, agentName: (id?: string | null) => string): string {
  switch (message.author.toLowerCase()) {
    case 'customer':
      return 'Customer';
    case 'ai':
      return 'AI agent';
    case 'agent':
      return message.authorId ? agentName(message.authorId) : 'Agent';
    case 'automation':
      return 'Automation';
    default:
      return message.author;
  }
}

function analysisText(analysis: unknown): string {
  if (!analysis || typeof analysis !== 'object') return '';
  const a = analysis as Record<string, unknown>;
  return String(a.description ?? a.summary ?? a.text ?? a.caption ?? '');
}

/** One message. Bodies are text nodes (React escapes them): never markup. */
export function MessageBubble({ message, agentName }: { message: Message; agentName: (id?: string | null) => string }) {
  const author = message.author.toLowerCase();
  const status = message.deliveryStatus?.toLowerCase();
  const failed = status === 'failed' || status === 'undelivered';
  return (
    <li className={`bubble author-${author}`} data-author={author} data-message-id={message.messageId}>
      <span className="author">{authorLabel(message, agentName)}</span>
      {message.body && <p className="body">{message.body}</p>}
      {message.media && message.media.length > 0 && (
        <div className="media">
          {message.media.map((m, i) => (
            <figure key={m.url + i}>
              {m.contentType?.startsWith('image/') ? (
                <a href={m.url} target="_blank" rel="noreferrer noopener">
                  <img src={m.url} alt={analysisText(message.mediaAnalysis?.[i]) || 'image sent in the conversation'} loading="lazy" />
                </a>
              ) : (
                <a href={m.url} target="_blank" rel="noreferrer noopener">{m.contentType ?? 'attachment'}</a>
              )}
              {message.mediaAnalysis?.[i] != null && <figcaption>AI: {analysisText(message.mediaAnalysis[i])}</figcaption>}
            </figure>
          ))}
        </div>
      )}
      {message.template && (
        <p className="template">Template {message.template.key ?? message.template.contentSid}</p>
      )}
      {message.interactive && (
        <div className="interactive">
          {message.interactive.body && <p>{message.interactive.body}</p>}
          <ul aria-label="Options">
            {(message.interactive.buttons ?? message.interactive.items ?? []).map((o, i) => (
              <li key={(o.id ?? '') + i}>{o.title}</li>
            ))}
          </ul>
        </div>
      )}
      {message.interactiveReply && <p className="choice">Chose: {message.interactiveReply.title ?? message.interactiveReply.id}</p>}
      <span className="meta">
        <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleTimeString()}</time>
        {status && (
          <span className={`ticks status-${status}`} data-status={status} title={status}>
            {failed ? `failed${message.errorMessage ? `: ${message.errorMessage}` : ''}` : `${TICKS[status] ?? ''} ${status}`}
          </span>
        )}
      </span>
    </li>
  );
}
