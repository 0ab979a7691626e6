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

export interface MediaAnalysis {
  [key: string]: unknown;
}

export interface Message {
  messageId: string;
  sequence: number;
  author: 'customer' | 'ai' | 'agent' | 'automation' | string;
  authorId?: string;
  channel: Channel;
  body?: string;
  media?: Media[];
  interactiveReply?: { id?: string; title?: string; [key: string]: unknown } | null;
  interactive?: { type?: string; body?: string; buttons?: { id?: string; title?: string }[]; items?: { id?: string; title?: string; description?: string }[]; [key: string]: unknown } | null;
  template?: { key?: string; contentSid?: string; variables?: Record<string, string>; [key: string]: unknown } | null;
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
