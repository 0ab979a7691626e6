import { describe, expect, it } from 'vitest';
import {
  describeTrigger, duration, emptyAction, emptyCondition, emptyForm, errorsByField, formFields, move, sampleEvent, toForm,
  toRequest, unplacedErrors, type Automation,
} from './model';

const seeded: Automation = {
  id: 'a1',
  version: 3,
  name: 'Tell the customer when the order ships',
  enabled: false,
  trigger: { type: 'order_status_changed', statuses: ['shipped'] },
  conditions: [],
  actions: [{ type: 'channel_notify', channel: 'originating', body: 'Your order {{order_number}} is {{status}}' }],
};

describe('automation form model', () => {
  it('round-trips an automation through the form unchanged', () => {
    const { body, errors } = toRequest(toForm(seeded));
    expect(errors).toEqual([]);
    expect(body).toEqual({ name: seeded.name, enabled: false, trigger: seeded.trigger, conditions: [], actions: seeded.actions });
  });

  it('round-trips every condition and action type', () => {
    const automation: Automation = {
      id: 'a2', version: 1, name: 'All of them', enabled: true,
      trigger: { type: 'channel_message_received', channels: ['whatsapp', 'email'] },
      conditions: [
        { type: 'body_contains', value: 'refund' },
        { type: 'body_matches', pattern: '^SO-\\d+$' },
        { type: 'keywords', values: ['stop', 'cancel'] },
        { type: 'contact_field', field: 'email', operator: 'present' },
        { type: 'contact_field', field: 'name', operator: 'contains', value: 'Ltd' },
        { type: 'session_intent', values: ['order_status'] },
        { type: 'session_status', values: ['needs_human'] },
        { type: 'business_hours', timeZone: 'Europe/Berlin', days: ['MON', 'FRI'], from: '08:00', to: '18:00', inside: false },
      ],
      actions: [
        { type: 'send_sms', to: '{{contact.phone}}', templateKey: 'order_update' },
        { type: 'channel_notify', channel: 'email', body: 'Hello {{contact.name}}', subject: 'Your order' },
        { type: 'assign_queue', queue: 'billing' },
        { type: 'add_note', text: 'VIP' },
        { type: 'http_request', url: 'https://hooks.example/x', body: { order: '{{order_number}}' } },
        { type: 'wait', duration: 'PT10M' },
      ],
    };
    const { body, errors } = toRequest(toForm(automation));
    expect(errors).toEqual([]);
    expect(body.trigger).toEqual(automation.trigger);
    expect(body.conditions).toEqual(automation.conditions);
    expect(body.actions).toEqual(automation.actions);
  });

  it('sends only the trigger fields of the chosen type', () => {
    const form = emptyForm();
    form.name = 'x';
    form.trigger = { type: 'sms_received', channels: ['whatsapp'], includeMms: false, statuses: 'shipped' };
    expect(toRequest(form).body.trigger).toEqual({ type: 'sms_received', includeMms: false });
    form.trigger = { type: 'order_status_changed', channels: ['whatsapp'], includeMms: true, statuses: ' shipped, ,delivered ' };
    expect(toRequest(form).body.trigger).toEqual({ type: 'order_status_changed', statuses: ['shipped', 'delivered'] });
    form.trigger = { type: 'channel_message_received', channels: [], includeMms: true, statuses: '' };
    expect(toRequest(form).body.trigger).toEqual({ type: 'channel_message_received' });
  });

  it('leaves out what a changed type no longer uses', () => {
    const action = { ...emptyAction('channel_notify'), body: 'Hi', templateKey: 'stale', subject: 'only for e-mail' };
    const form = { ...emptyForm(), name: 'x', actions: [action], conditions: [{ ...emptyCondition('contact_field'), operator: 'present', value: 'stale' }] };
    const { body } = toRequest(form);
    expect(body.actions).toEqual([{ type: 'channel_notify', channel: 'originating', body: 'Hi' }]);
    expect(body.conditions).toEqual([{ type: 'contact_field', field: 'name', operator: 'present' }]);
  });

  it('tells a blank name, no action and a JSON body that is not JSON before sending', () => {
    const form = { ...emptyForm(), actions: [{ ...emptyAction('http_request'), payload: '{not json' }] };
    expect(toRequest(form).errors).toEqual([
      { field: 'actions[0].body', message: 'must be JSON' },
      { field: 'name', message: 'must not be blank' },
    ]);
    expect(toRequest({ ...emptyForm(), name: 'x', actions: [] }).errors).toEqual([{ field: 'actions', message: 'add at least one action' }]);
  });

  it('places API errors next to the fields the form shows and lists the others', () => {
    const form = { ...emptyForm(), name: 'x', conditions: [emptyCondition('body_matches')] };
    const byField = errorsByField([
      { field: 'conditions[0].pattern', message: 'does not compile' },
      { field: 'actions[0].channel', message: 'unknown channel' },
      { field: 'actions[0].channel', message: 'second reason' },
      { field: 'trigger.statuses', message: 'not for this trigger' },
      { field: 'conditions[0].values[2]', message: 'blank' },
    ]);
    expect(byField['conditions[0].values']).toBe('blank');
    expect(byField['actions[0].channel']).toBe('unknown channel; second reason');
    const fields = formFields(form);
    expect(fields.has('conditions[0].pattern')).toBe(true);
    expect(fields.has('actions[0].channel')).toBe(true);
    expect(unplacedErrors(byField, (f) => fields.has(f))).toEqual(['trigger.statuses: not for this trigger', 'conditions[0].values: blank']);
  });

  it('moves rows within bounds', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    const items = ['a', 'b'];
    expect(move(items, 0, -1)).toBe(items);
    expect(move(items, 1, 1)).toBe(items);
  });

  it('describes triggers for the list', () => {
    expect(describeTrigger(seeded.trigger)).toBe('order status changed to shipped');
    expect(describeTrigger({ type: 'channel_message_received' })).toBe('message received on any channel');
    expect(describeTrigger({ type: 'channel_message_received', channels: ['whatsapp'] })).toBe('message received on whatsapp');
    expect(describeTrigger({ type: 'session_expired' })).toBe('session expired');
  });

  it('builds a sample event that provides the trigger variables', () => {
    expect(sampleEvent(toForm(seeded).trigger)).toMatchObject({ payload: { order_number: 'SO-100001', status: 'shipped' } });
    expect(sampleEvent({ type: 'channel_message_received', channels: ['email'], includeMms: true, statuses: '' }).channel).toBe('email');
  });

  it('formats step timings', () => {
    expect(duration('2030-01-01T00:00:00Z', '2030-01-01T00:00:00.250Z')).toBe('250 ms');
    expect(duration(null, null, 1500)).toBe('1.5 s');
    expect(duration('2030-01-01T00:00:00Z', null)).toBe('');
  });
});
