import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutomationsPage } from './AutomationsPage';

// A stand-in for automation-service behind the gateway, answering with the API's shapes (page, problem+json).
function api(handlers: Record<string, (body: unknown) => [number, unknown]>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const handler = handlers[`${method} ${url}`];
    const [status, payload] = handler ? handler(body) : [404, { title: 'Not found' }];
    return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
  }));
  return calls;
}

const seeded = {
  id: 'a1', version: 1, name: 'Tell the customer when the order ships', enabled: false,
  trigger: { type: 'order_status_changed', statuses: ['shipped'] }, conditions: [],
  actions: [{ type: 'channel_notify', channel: 'originating', body: 'Your order {{order_number}} is {{status}}' }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AutomationsPage', () => {
  it('lists automations with their trigger and last run, and enables one', async () => {
    const calls = api({
      'GET /api/v1/automations?size=100': () => [200, { items: [seeded], page: 0, size: 100, totalItems: 1, totalPages: 1 }],
      'GET /api/v1/automations/a1/runs?size=1': () => [200, { items: [{ id: 'r1', automationVersion: 1, triggerType: 'order_status_changed', status: 'failed', startedAt: '2030-01-01T00:00:00Z' }] }],
      'POST /api/v1/automations/a1/enable': () => [200, { ...seeded, enabled: true }],
    });
    const view = render(<AutomationsPage />);

    const row = await view.findByRole('row', { name: /Tell the customer/ });
    expect(row.textContent).toContain('order status changed to shipped');
    await waitFor(() => expect(row.textContent).toContain('failed'));
    fireEvent.click(view.getByRole('button', { name: /^Enable\s*Tell the customer/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/automations/a1/enable')).toBe(true));
  });

  it('shows the API validation errors next to the field they name', async () => {
    const calls = api({
      'GET /api/v1/automations?size=100': () => [200, { items: [], page: 0, size: 100, totalItems: 0, totalPages: 0 }],
      'POST /api/v1/automations': () => [400, { title: 'Invalid automation', errors: [
        { field: 'actions[0].body', message: 'uses {{order_number}}, which this trigger does not provide' },
        { field: 'trigger.channels[0]', message: 'unknown channel fax' },
      ] }],
    });
    const view = render(<AutomationsPage />);
    fireEvent.click(await view.findByRole('button', { name: 'New automation' }));
    fireEvent.change(view.getByLabelText('Name'), { target: { value: 'Greet' } });
    fireEvent.change(view.getByLabelText('Message text ({{variables}} allowed)'), { target: { value: 'Order {{order_number}}' } });
    fireEvent.click(view.getByRole('button', { name: 'Save' }));

    const body = view.getByLabelText('Message text ({{variables}} allowed)');
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(body.getAttribute('aria-describedby')!)?.textContent).toContain('does not provide');
    expect(view.getByRole('group', { name: /Channels/ }).textContent).toContain('unknown channel fax');
    expect(view.queryByRole('alert')).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Greet', enabled: false,
      trigger: { type: 'channel_message_received' }, conditions: [],
      actions: [{ type: 'channel_notify', channel: 'originating', body: 'Order {{order_number}}' }] });
  });
});
