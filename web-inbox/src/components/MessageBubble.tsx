import type { MediaAnalysis, Message } from '../types';

// one formatter for every bubble: toLocaleTimeString builds a new one per call, which a 200-message thread feels
const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

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

function analysisText(analysis: MediaAnalysis | undefined): string {
  if (!analysis) return '';
  const codes = analysis.decodedCodes?.length ? ` (codes: ${analysis.decodedCodes.join(', ')})` : '';
  return `${analysis.description ?? ''}${codes}`.trim();
}

/** The AI's analysis of a media item: matched by its URL, else by position. */
function analysisOf(message: Message, url: string, index: number): MediaAnalysis | undefined {
  const all = message.mediaAnalysis ?? [];
  return all.find((a) => a.mediaUrl === url) ?? (all.every((a) => !a.mediaUrl) ? all[index] : undefined);
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
          {message.media.map((m, i) => {
            const analysis = analysisText(analysisOf(message, m.url, i));
            return (
              <figure key={m.url + i}>
                {m.contentType?.startsWith('image/') ? (
                  <a href={m.url} target="_blank" rel="noreferrer noopener">
                    <img src={m.url} alt={analysis || 'image sent in the conversation'} loading="lazy" className="thumbnail" />
                  </a>
                ) : (
                  <a href={m.url} target="_blank" rel="noreferrer noopener">{m.contentType ?? 'attachment'}</a>
                )}
                {analysis && <figcaption>AI: {analysis}</figcaption>}
              </figure>
            );
          })}
        </div>
      )}
      {message.template && (
        <p className="template">Template {message.template.key ?? message.template.contentSid}
          {message.template.language ? ` (${message.template.language})` : ''}</p>
      )}
      {message.interactive && (
        <div className={`interactive ${message.interactive.kind ?? ''}`}>
          <ul aria-label={message.interactive.kind === 'list-picker' ? `List: ${message.interactive.buttonLabel ?? 'options'}` : 'Buttons'}>
            {(message.interactive.options ?? []).map((o, i) => (
              <li key={(o.id ?? '') + i} className="option">
                {o.title}{o.description ? <span className="description"> — {o.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      {message.interactiveReply && (
        <p className="choice">Chose: <strong>{message.interactiveReply.title ?? message.interactiveReply.id}</strong></p>
      )}
      <span className="meta">
        <time dateTime={message.createdAt}>{TIME.format(new Date(message.createdAt))}</time>
        {status && (
          <span className={`ticks status-${status}`} data-status={status} title={status}>
            {failed ? `failed${message.errorMessage ? `: ${message.errorMessage}` : ''}` : `${TICKS[status] ?? ''} ${status}`}
          </span>
        )}
      </span>
    </li>
  );
}
