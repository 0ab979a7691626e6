export type Channel = 'sms' | 'mms' | 'whatsapp' | 'voice' | 'email';
export type Status = 'active' | 'waiting_reply' | 'needs_human' | 'completed' | 'expired';

export interface Me {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: 'admin' | 'agent';
}

export interface Colleague {
  id: string;
  displayName: string;
  role: string;
}

export interface ContactRef {
  id: string;
  name?: string;
  phone?: string;
  whatsappAddress?: string;
  email?: string;
  whatsappProfileName?: string;
}

export interface OrderDraft {
  [key: string]: unknown;
}

export interface Conversation {
  sessionId: string;
  channel: Channel;
  status: Status;
  customerAddress?: string;
  intent?: string;
  summary?: string;
  orderContext?: OrderDraft | null;
  queue?: string;
  escalationReason?: string;
  assignee?: string;
  humanInvolved?: boolean;
  messageCount: number;
  lastMessageAt?: string;
  lastMessagePreview?: string;
  lastCustomerMessageAt?: string;
  openedAt?: string;
  expiresAt?: string;
  closedAt?: string;
  /** when free-form replies stop; templatesOnly: a WhatsApp session outside its window (approved templates only) */
  replyWindow?: { closesAt?: string | null; templatesOnly?: boolean } | null;
  contact?: ContactRef | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}

export interface Media {
  url: string;
  contentType?: string;
}

/** The AI's look at one media item (ai-agent-service): what it shows, and any barcode or QR code read from it. */
export interface MediaAnalysis {
  mediaUrl?: string;
  contentType?: string;
  description?: string;
  decodedCodes?: string[];
}

export interface InteractiveOption {
  id?: string;
  title?: string;
  description?: string;
}

export interface Message {
  messageId: string;
  sequence: number;
  author: 'customer' | 'ai' | 'agent' | 'automation' | string;
  authorId?: string;
  channel: Channel;
  body?: string;
  media?: Media[];
  /** the customer's choice of buttons or list items */
  interactiveReply?: { type?: string; id?: string; title?: string } | null;
  /** buttons (quick-reply) or a list (list-picker) the business sent */
  interactive?: { kind?: string; body?: string; buttonLabel?: string; options?: InteractiveOption[] } | null;
  template?: { key?: string; contentSid?: string; language?: string; variables?: Record<string, string> } | null;
  deliveryStatus?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  mediaAnalysis?: MediaAnalysis[] | null;
  createdAt: string;
  pending?: boolean;
}

export interface Thread {
  conversation: Conversation;
  messages: Page<Message> | Message[];
}

export interface Template {
  id?: string;
  key: string;
  name?: string;
  language?: string;
  body?: string;
  variables?: string[];
  contentSid?: string;
  approvalStatus?: string;
  status?: string;
  rejectionReason?: string;
  [key: string]: unknown;
}

/** An internal note in a thread (e.g. an automation's add_note): seen by agents, never sent to the customer. */
export interface Note {
  noteId: string;
  kind: 'note';
  author: string;
  authorId?: string | null;
  text: string;
  createdAt: string;
}
