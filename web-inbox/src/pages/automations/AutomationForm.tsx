import { useId, type FormEvent, type ReactNode } from 'react';
import {
  ACTION_TYPES, CHANNELS, CONDITION_TYPES, CONTACT_FIELDS, DAYS, NOTIFY_CHANNELS, OPERATORS, TRIGGER_TYPES,
  emptyAction, emptyCondition, move,
  type ActionForm, type AutomationForm as Form, type ConditionForm,
} from './model';

interface Props {
  form: Form;
  errors: Record<string, string>;
  unplaced: string[];
  title: string;
  busy: boolean;
  onChange: (form: Form) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** The definition as a form: the trigger, condition rows and action rows; API errors next to their field. */
export function AutomationForm({ form, errors, unplaced, title, busy, onChange, onSubmit, onCancel }: Props) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const setCondition = (i: number, c: ConditionForm) => onChange({ ...form, conditions: form.conditions.map((x, j) => (j === i ? c : x)) });
  const setAction = (i: number, a: ActionForm) => onChange({ ...form, actions: form.actions.map((x, j) => (j === i ? a : x)) });
  const t = form.trigger;

  return (
    <form onSubmit={submit} className="automation-form" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      {unplaced.length > 0 && (
        <div role="alert" className="error"><ul>{unplaced.map((e) => <li key={e}>{e}</li>)}</ul></div>
      )}
      <Field label="Name" error={errors.name}>
        {(p) => <input {...p} value={form.name} required onChange={(e) => onChange({ ...form, name: e.target.value })} />}
      </Field>
      <label className="inline">
        <input type="checkbox" checked={form.enabled} onChange={(e) => onChange({ ...form, enabled: e.target.checked })} /> Enabled
      </label>

      <fieldset>
        <legend>Trigger</legend>
        <Field label="Trigger type" error={errors['trigger.type'] ?? errors.trigger}>
          {(p) => (
            <select {...p} value={t.type} onChange={(e) => onChange({ ...form, trigger: { ...t, type: e.target.value } })}>
              {TRIGGER_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
            </select>
          )}
        </Field>
        {t.type === 'channel_message_received' && (
          <fieldset className="checks" aria-describedby={errors['trigger.channels'] ? `${id}-channels-error` : undefined}>
            <legend>Channels (none: every channel)</legend>
            {CHANNELS.map((channel) => (
              <label key={channel} className="inline">
                <input type="checkbox" checked={t.channels.includes(channel)}
                  onChange={(e) => onChange({ ...form, trigger: { ...t, channels: e.target.checked
                    ? [...t.channels, channel] : t.channels.filter((c) => c !== channel) } })} /> {channel}
              </label>
            ))}
            {errors['trigger.channels'] && <span id={`${id}-channels-error`} className="field-error">{errors['trigger.channels']}</span>}
          </fieldset>
        )}
        {t.type === 'sms_received' && (
          <label className="inline">
            <input type="checkbox" checked={t.includeMms} onChange={(e) => onChange({ ...form, trigger: { ...t, includeMms: e.target.checked } })} />
            {' '}Include MMS
          </label>
        )}
        {t.type === 'order_status_changed' && (
          <Field label="Order statuses (comma-separated; empty: any)" error={errors['trigger.statuses']}>
            {(p) => <input {...p} value={t.statuses} placeholder="shipped, delivered"
              onChange={(e) => onChange({ ...form, trigger: { ...t, statuses: e.target.value } })} />}
          </Field>
        )}
      </fieldset>

      <fieldset>
        <legend>Conditions (all must hold)</legend>
        {form.conditions.length === 0 && <p className="hint">No conditions: every triggering event runs the actions.</p>}
        {form.conditions.map((c, i) => (
          <Row key={i} kind="Condition" index={i} count={form.conditions.length} error={errors[`conditions[${i}]`]}
            onRemove={() => onChange({ ...form, conditions: form.conditions.filter((_, j) => j !== i) })}
            onMove={(by) => onChange({ ...form, conditions: move(form.conditions, i, by) })}>
            <ConditionRow condition={c} path={`conditions[${i}]`} errors={errors} onChange={(next) => setCondition(i, next)} />
          </Row>
        ))}
        <button type="button" onClick={() => onChange({ ...form, conditions: [...form.conditions, emptyCondition()] })}>Add condition</button>
      </fieldset>

      <fieldset>
        <legend>Actions (in order)</legend>
        {errors.actions && <p className="field-error">{errors.actions}</p>}
        {form.actions.map((a, i) => (
          <Row key={i} kind="Action" index={i} count={form.actions.length} error={errors[`actions[${i}]`]}
            onRemove={() => onChange({ ...form, actions: form.actions.filter((_, j) => j !== i) })}
            onMove={(by) => onChange({ ...form, actions: move(form.actions, i, by) })}>
            <ActionRow action={a} path={`actions[${i}]`} errors={errors} onChange={(next) => setAction(i, next)} />
          </Row>
        ))}
        <button type="button" onClick={() => onChange({ ...form, actions: [...form.actions, emptyAction()] })}>Add action</button>
      </fieldset>

      <div className="form-buttons">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

type InputProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** A labelled control with its error beside it (aria-describedby, aria-invalid). */
function Field({ label, error, children }: { label: string; error?: string; children: (props: InputProps) => ReactNode }) {
  const id = useId();
  const props: InputProps = error ? { id, 'aria-invalid': true, 'aria-describedby': `${id}-error` } : { id };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(props)}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

function Row({ kind, index, count, error, onRemove, onMove, children }: {
  kind: string; index: number; count: number; error?: string; onRemove: () => void; onMove: (by: -1 | 1) => void; children: ReactNode;
}) {
  const name = `${kind} ${index + 1}`;
  return (
    <fieldset className="row-box">
      <legend>{name}</legend>
      {error && <p className="field-error">{error}</p>}
      {children}
      <div className="row-buttons">
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0}>Up<span className="sr-only"> {name}</span></button>
        <button type="button" onClick={() => onMove(1)} disabled={index === count - 1}>Down<span className="sr-only"> {name}</span></button>
        <button type="button" onClick={onRemove}>Remove<span className="sr-only"> {name}</span></button>
      </div>
    </fieldset>
  );
}

function ConditionRow({ condition: c, path, errors, onChange }: {
  condition: ConditionForm; path: string; errors: Record<string, string>; onChange: (c: ConditionForm) => void;
}) {
  const err = (field: string) => errors[`${path}.${field}`];
  return (
    <>
      <Field label="Condition type" error={err('type')}>
        {(p) => (
          <select {...p} value={c.type} onChange={(e) => onChange({ ...c, type: e.target.value })}>
            {CONDITION_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
          </select>
        )}
      </Field>
      {c.type === 'body_contains' && (
        <Field label="Text the message contains" error={err('value')}>
          {(p) => <input {...p} value={c.value} onChange={(e) => onChange({ ...c, value: e.target.value })} />}
        </Field>
      )}
      {c.type === 'body_matches' && (
        <Field label="Regular expression" error={err('pattern')}>
          {(p) => <input {...p} value={c.pattern} onChange={(e) => onChange({ ...c, pattern: e.target.value })} />}
        </Field>
      )}
      {(c.type === 'keywords' || c.type === 'session_intent' || c.type === 'session_status') && (
        <Field label={c.type === 'keywords' ? 'Keywords (comma-separated)' : c.type === 'session_intent' ? 'Intents (comma-separated)' : 'Session statuses (comma-separated)'} error={err('values')}>
          {(p) => <input {...p} value={c.values} onChange={(e) => onChange({ ...c, values: e.target.value })} />}
        </Field>
      )}
      {c.type === 'contact_field' && (
        <>
          <Field label="Contact field" error={err('field')}>
            {(p) => (
              <select {...p} value={c.field} onChange={(e) => onChange({ ...c, field: e.target.value })}>
                {CONTACT_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
              </select>
            )}
          </Field>
          <Field label="Operator" error={err('operator')}>
            {(p) => (
              <select {...p} value={c.operator} onChange={(e) => onChange({ ...c, operator: e.target.value })}>
                {OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            )}
          </Field>
          {c.operator !== 'present' && (
            <Field label="Value" error={err('value')}>
              {(p) => <input {...p} value={c.value} onChange={(e) => onChange({ ...c, value: e.target.value })} />}
            </Field>
          )}
        </>
      )}
      {c.type === 'business_hours' && (
        <>
          <Field label="Time zone (e.g. Europe/Berlin)" error={err('timeZone')}>
            {(p) => <input {...p} value={c.timeZone} onChange={(e) => onChange({ ...c, timeZone: e.target.value })} />}
          </Field>
          <fieldset className="checks">
            <legend>Days</legend>
            {DAYS.map((day) => (
              <label key={day} className="inline">
                <input type="checkbox" checked={c.days.includes(day)}
                  onChange={(e) => onChange({ ...c, days: e.target.checked ? DAYS.filter((d) => d === day || c.days.includes(d)) : c.days.filter((d) => d !== day) })} /> {day}
              </label>
            ))}
            {err('days') && <span className="field-error">{err('days')}</span>}
          </fieldset>
          <Field label="From" error={err('from')}>
            {(p) => <input {...p} type="time" value={c.from} onChange={(e) => onChange({ ...c, from: e.target.value })} />}
          </Field>
          <Field label="To" error={err('to')}>
            {(p) => <input {...p} type="time" value={c.to} onChange={(e) => onChange({ ...c, to: e.target.value })} />}
          </Field>
          <Field label="Holds" error={err('inside')}>
            {(p) => (
              <select {...p} value={c.inside ? 'inside' : 'outside'} onChange={(e) => onChange({ ...c, inside: e.target.value === 'inside' })}>
                <option value="inside">inside these hours</option>
                <option value="outside">outside these hours</option>
              </select>
            )}
          </Field>
        </>
      )}
    </>
  );
}

function ActionRow({ action: a, path, errors, onChange }: {
  action: ActionForm; path: string; errors: Record<string, string>; onChange: (a: ActionForm) => void;
}) {
  const err = (field: string) => errors[`${path}.${field}`];
  const message = a.type === 'send_sms' || a.type === 'channel_notify';
  return (
    <>
      <Field label="Action type" error={err('type')}>
        {(p) => (
          <select {...p} value={a.type} onChange={(e) => onChange({ ...a, type: e.target.value })}>
            {ACTION_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
          </select>
        )}
      </Field>
      {a.type === 'send_sms' && (
        <Field label="To (E.164 or a variable such as {{contact.phone}})" error={err('to')}>
          {(p) => <input {...p} value={a.to} onChange={(e) => onChange({ ...a, to: e.target.value })} />}
        </Field>
      )}
      {a.type === 'channel_notify' && (
        <Field label="Channel" error={err('channel')}>
          {(p) => (
            <select {...p} value={a.channel} onChange={(e) => onChange({ ...a, channel: e.target.value })}>
              {NOTIFY_CHANNELS.map((c) => <option key={c} value={c}>{c === 'originating' ? 'originating (the triggering message\'s channel)' : c}</option>)}
            </select>
          )}
        </Field>
      )}
      {message && (
        <>
          <Field label="Content" error={undefined}>
            {(p) => (
              <select {...p} value={a.content} onChange={(e) => onChange({ ...a, content: e.target.value as ActionForm['content'] })}>
                <option value="body">text with variables</option>
                <option value="template">template</option>
              </select>
            )}
          </Field>
          {a.content === 'body' ? (
            <Field label="Message text ({{variables}} allowed)" error={err('body')}>
              {(p) => <textarea {...p} rows={2} value={a.body} onChange={(e) => onChange({ ...a, body: e.target.value })} />}
            </Field>
          ) : (
            <Field label="Template key" error={err('templateKey')}>
              {(p) => <input {...p} value={a.templateKey} onChange={(e) => onChange({ ...a, templateKey: e.target.value })} />}
            </Field>
          )}
          {a.type === 'channel_notify' && a.channel === 'email' && (
            <Field label="E-mail subject" error={err('subject')}>
              {(p) => <input {...p} value={a.subject} onChange={(e) => onChange({ ...a, subject: e.target.value })} />}
            </Field>
          )}
        </>
      )}
      {a.type === 'assign_queue' && (
        <Field label="Queue" error={err('queue')}>
          {(p) => <input {...p} value={a.queue} onChange={(e) => onChange({ ...a, queue: e.target.value })} />}
        </Field>
      )}
      {a.type === 'add_note' && (
        <Field label="Internal note" error={err('text')}>
          {(p) => <textarea {...p} rows={2} value={a.text} onChange={(e) => onChange({ ...a, text: e.target.value })} />}
        </Field>
      )}
      {a.type === 'http_request' && (
        <>
          <Field label="URL (https)" error={err('url')}>
            {(p) => <input {...p} type="url" value={a.url} onChange={(e) => onChange({ ...a, url: e.target.value })} />}
          </Field>
          <Field label="JSON body (optional)" error={err('body')}>
            {(p) => <textarea {...p} rows={3} value={a.payload} onChange={(e) => onChange({ ...a, payload: e.target.value })} />}
          </Field>
        </>
      )}
      {a.type === 'wait' && (
        <Field label="Wait for (ISO-8601 duration, e.g. PT10M)" error={err('duration')}>
          {(p) => <input {...p} value={a.duration} onChange={(e) => onChange({ ...a, duration: e.target.value })} />}
        </Field>
      )}
    </>
  );
}
