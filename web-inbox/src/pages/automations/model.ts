// The automation definition as automation-service's API speaks it, and the form state that edits it. The form keeps
// every field as text (lists comma-separated) so a half-typed value never breaks; toRequest() turns it into the
// API's JSON, leaving out what the chosen type does not use.

export const TRIGGER_TYPES = [
  'sms_received',
  'channel_message_received',
  'conversation_escalated',
  'session_completed',
  'session_expired',
  'delivery_failed',
  'order_status_changed',
] as const;
export const CHANNELS = ['sms', 'whatsapp', 'email', 'voicemail', 'mms'] as const;
export const CONDITION_TYPES = ['body_contains', 'body_matches', 'keywords', 'contact_field', 'session_intent', 'session_status', 'business_hours'] as const;
export const ACTION_TYPES = ['send_sms', 'channel_notify', 'assign_queue', 'add_note', 'http_request', 'wait'] as const;
export const NOTIFY_CHANNELS = ['originating', 'sms', 'whatsapp', 'email'] as const;
export const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;
export const OPERATORS = ['equals', 'contains', 'present'] as const;
export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

export type Json = Record<string, unknown>;

/** An automation as the API returns it. */
export interface Automation {
  id: string;
  version: number;
  name: string;
  enabled: boolean;
  trigger: Json & { type: string };
  conditions: (Json & { type: string })[];
  actions: (Json & { type: string })[];
  createdAt?: string;
  updatedAt?: string;
}

export interface TriggerForm {
  type: string;
  channels: string[];
  includeMms: boolean;
  statuses: string;
}

export interface ConditionForm {
  type: string;
  value: string;
  pattern: string;
  values: string;
  field: string;
  operator: string;
  timeZone: string;
  days: string[];
  from: string;
  to: string;
  inside: boolean;
}

export interface ActionForm {
  type: string;
  to: string;
  channel: string;
  content: 'body' | 'template';
  body: string;
  templateKey: string;
  subject: string;
  queue: string;
  text: string;
  url: string;
  payload: string;
  duration: string;
}

export interface AutomationForm {
  name: string;
  enabled: boolean;
  trigger: TriggerForm;
  conditions: ConditionForm[];
  actions: ActionForm[];
}

export function emptyCondition(type = 'body_contains'): ConditionForm {
  return { type, value: '', pattern: '', values: '', field: 'name', operator: 'equals', timeZone: 'UTC',
    days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '09:00', to: '17:00', inside: true };
}

export function emptyAction(type = 'channel_notify'): ActionForm {
  return { type, to: '{{contact.phone}}', channel: 'originating', content: 'body', body: '', templateKey: '', subject: '',
    queue: '', text: '', url: 'https://', payload: '', duration: 'PT10M' };
}

export function emptyForm(): AutomationForm {
  return { name: '', enabled: false, trigger: { type: 'channel_message_received', channels: [], includeMms: true, statuses: '' },
    conditions: [], actions: [emptyAction()] };
}

const list = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);
const str = (value: unknown, otherwise = '') => (typeof value === 'string' ? value : value == null ? otherwise : String(value));
const strings = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v)) : []);

/** The form for an automation the API returned. */
export function toForm(automation: Automation): AutomationForm {
  const t = automation.trigger ?? { type: 'sms_received' };
  return {
    name: automation.name ?? '',
    enabled: Boolean(automation.enabled),
    trigger: { type: t.type, channels: strings(t.channels), includeMms: t.includeMms !== false, statuses: strings(t.statuses).join(', ') },
    conditions: (automation.conditions ?? []).map((c) => ({
      ...emptyCondition(c.type),
      value: str(c.value),
      pattern: str(c.pattern),
      values: strings(c.values).join(', '),
      field: str(c.field, 'name'),
      operator: str(c.operator, 'equals'),
      timeZone: str(c.timeZone, 'UTC'),
      days: c.days ? strings(c.days) : emptyCondition().days,
      from: str(c.from, '09:00'),
      to: str(c.to, '17:00'),
      inside: c.inside !== false,
    })),
    actions: (automation.actions ?? []).map((a) => ({
      ...emptyAction(a.type),
      to: str(a.to),
      channel: str(a.channel, 'originating'),
      content: a.templateKey ? 'template' : 'body',
      body: str(a.body === undefined || typeof a.body === 'string' ? a.body : ''),
      templateKey: str(a.templateKey),
      subject: str(a.subject),
      queue: str(a.queue),
      text: str(a.text),
      url: str(a.url),
      payload: a.type === 'http_request' && a.body !== undefined && a.body !== null ? JSON.stringify(a.body, null, 2) : '',
      duration: str(a.duration, 'PT10M'),
    })),
  };
}

/** A local problem found before sending (the API validates everything again). */
export interface FieldError {
  field: string;
  message: string;
}

/** The request body for POST/PUT /api/v1/automations, plus the errors the form can tell at once. */
export function toRequest(form: AutomationForm): { body: Json; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const trigger: Json = { type: form.trigger.type };
  if (form.trigger.type === 'channel_message_received' && form.trigger.channels.length) trigger.channels = form.trigger.channels;
  if (form.trigger.type === 'sms_received' && !form.trigger.includeMms) trigger.includeMms = false;
  if (form.trigger.type === 'order_status_changed' && list(form.trigger.statuses).length) trigger.statuses = list(form.trigger.statuses);
  const conditions = form.conditions.map((c) => conditionRequest(c));
  const actions = form.actions.map((a, i) => {
    if (a.type !== 'http_request' || !a.payload.trim()) return actionRequest(a, undefined);
    try {
      return actionRequest(a, JSON.parse(a.payload));
    } catch {
      errors.push({ field: `actions[${i}].body`, message: 'must be JSON' });
      return actionRequest(a, undefined);
    }
  });
  if (!form.name.trim()) errors.push({ field: 'name', message: 'must not be blank' });
  if (!actions.length) errors.push({ field: 'actions', message: 'add at least one action' });
  return { body: { name: form.name.trim(), enabled: form.enabled, trigger, conditions, actions }, errors };
}

function conditionRequest(c: ConditionForm): Json {
  switch (c.type) {
    case 'body_contains':
      return { type: c.type, value: c.value };
    case 'body_matches':
      return { type: c.type, pattern: c.pattern };
    case 'keywords':
    case 'session_intent':
    case 'session_status':
      return { type: c.type, values: list(c.values) };
    case 'contact_field':
      return c.operator === 'present' ? { type: c.type, field: c.field, operator: c.operator }
        : { type: c.type, field: c.field, operator: c.operator, value: c.value };
    case 'business_hours':
      return { type: c.type, timeZone: c.timeZone.trim(), days: c.days, from: c.from, to: c.to, inside: c.inside };
    default:
      return { type: c.type };
  }
}

function actionRequest(a: ActionForm, payload: unknown): Json {
  const content = a.content === 'template' ? { templateKey: a.templateKey.trim() } : { body: a.body };
  switch (a.type) {
    case 'send_sms':
      return { type: a.type, to: a.to.trim(), ...content };
    case 'channel_notify':
      return { type: a.type, channel: a.channel, ...content, ...(a.channel === 'email' && a.subject.trim() ? { subject: a.subject.trim() } : {}) };
    case 'assign_queue':
      return { type: a.type, queue: a.queue.trim() };
    case 'add_note':
      return { type: a.type, text: a.text };
    case 'http_request':
      return payload === undefined ? { type: a.type, url: a.url.trim() } : { type: a.type, url: a.url.trim(), body: payload };
    case 'wait':
      return { type: a.type, duration: a.duration.trim() };
    default:
      return { type: a.type };
  }
}

/** The API's validation errors (problem+json {errors: [{field, message}]}) by field path, e.g. "actions[1].channel". */
export function errorsByField(errors: FieldError[] | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of errors ?? []) {
    // an error about one item of a list input (trigger.channels[0]) belongs beside that input
    const field = e.field.replace(/^definition\./, '').replace(/\.(channels|statuses|values|days)\[\d+\]$/, '.$1');
    byField[field] = byField[field] ? `${byField[field]}; ${e.message}` : e.message;
  }
  return byField;
}

/** Errors that belong to no field the form shows (shown at the top of the form). */
export function unplacedErrors(byField: Record<string, string>, shown: (field: string) => boolean): string[] {
  return Object.entries(byField).filter(([field]) => !shown(field)).map(([field, message]) => `${field}: ${message}`);
}

/** The field paths the form shows an input for (so an API error lands next to it). */
export function formFields(form: AutomationForm): Set<string> {
  const fields = new Set(['name', 'trigger', 'trigger.type', 'conditions', 'actions']);
  if (form.trigger.type === 'channel_message_received') fields.add('trigger.channels');
  if (form.trigger.type === 'sms_received') fields.add('trigger.includeMms');
  if (form.trigger.type === 'order_status_changed') fields.add('trigger.statuses');
  form.conditions.forEach((c, i) => conditionFields(c).forEach((f) => fields.add(`conditions[${i}]${f ? '.' + f : ''}`)));
  form.actions.forEach((a, i) => actionFields(a).forEach((f) => fields.add(`actions[${i}]${f ? '.' + f : ''}`)));
  return fields;
}

export function conditionFields(c: ConditionForm): string[] {
  const common = ['', 'type'];
  switch (c.type) {
    case 'body_contains': return [...common, 'value'];
    case 'body_matches': return [...common, 'pattern'];
    case 'keywords': case 'session_intent': case 'session_status': return [...common, 'values'];
    case 'contact_field': return [...common, 'field', 'operator', 'value'];
    case 'business_hours': return [...common, 'timeZone', 'days', 'from', 'to', 'inside'];
    default: return common;
  }
}

export function actionFields(a: ActionForm): string[] {
  const common = ['', 'type'];
  const content = a.content === 'template' ? ['templateKey', 'body'] : ['body', 'templateKey'];
  switch (a.type) {
    case 'send_sms': return [...common, 'to', ...content];
    case 'channel_notify': return [...common, 'channel', ...content, 'subject'];
    case 'assign_queue': return [...common, 'queue'];
    case 'add_note': return [...common, 'text'];
    case 'http_request': return [...common, 'url', 'body'];
    case 'wait': return [...common, 'duration'];
    default: return common;
  }
}

/** One line saying what starts the automation, for the list. */
export function describeTrigger(trigger: Json & { type: string }): string {
  const channels = strings(trigger.channels);
  const statuses = strings(trigger.statuses);
  switch (trigger.type) {
    case 'channel_message_received':
      return `message received on ${channels.length ? channels.join(', ') : 'any channel'}`;
    case 'sms_received':
      return trigger.includeMms === false ? 'SMS received (no MMS)' : 'SMS received';
    case 'order_status_changed':
      return `order status changed${statuses.length ? ` to ${statuses.join(', ')}` : ''}`;
    default:
      return trigger.type.replace(/_/g, ' ');
  }
}

/** Moves an item of a list up (-1) or down (+1); the same list when it cannot move. */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return items;
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/** A sample event for the dry run, prefilled from the trigger so the variables it provides render. */
export function sampleEvent(trigger: TriggerForm): Json {
  const channel = trigger.type === 'channel_message_received' && trigger.channels.length ? trigger.channels[0] : 'whatsapp';
  const sample: Json = {
    channel: trigger.type === 'sms_received' ? 'sms' : channel,
    from: '+15550100001',
    body: 'Where is my order?',
    contact: { name: 'Jane Doe', phone: '+15550100001', email: 'jane@example.com' },
  };
  if (trigger.type === 'order_status_changed') {
    sample.payload = { order_number: 'SO-100001', status: list(trigger.statuses)[0] ?? 'shipped' };
  }
  return sample;
}

/** Milliseconds between two instants as text, or '' when either is missing. */
export function duration(startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null): string {
  const ms = durationMs ?? (startedAt && finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : NaN);
  if (!Number.isFinite(ms)) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
