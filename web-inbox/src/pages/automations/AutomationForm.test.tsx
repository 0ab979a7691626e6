import { cleanup, fireEvent, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutomationForm } from './AutomationForm';
import { emptyCondition, emptyForm, type AutomationForm as Form } from './model';

afterEach(cleanup);

function form(overrides: Partial<Form> = {}): Form {
  return { ...emptyForm(), name: 'Greet', conditions: [emptyCondition('body_matches')], ...overrides };
}

describe('AutomationForm', () => {
  it('shows an API error next to its field and marks the field invalid', () => {
    const view = render(<AutomationForm form={form()} errors={{ 'conditions[0].pattern': 'does not compile' }} unplaced={[]}
      title="Edit" busy={false} onChange={() => {}} onSubmit={() => {}} onCancel={() => {}} />);
    const input = view.getByLabelText('Regular expression');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby');
    expect(describedBy && document.getElementById(describedBy)?.textContent).toBe('does not compile');
  });

  it('adds and removes rows', () => {
    const onChange = vi.fn();
    const view = render(<AutomationForm form={form()} errors={{}} unplaced={[]} title="Edit" busy={false}
      onChange={onChange} onSubmit={() => {}} onCancel={() => {}} />);
    fireEvent.click(view.getByText('Add action'));
    expect((onChange.mock.calls[0][0] as Form).actions).toHaveLength(2);
    fireEvent.click(view.getByRole('button', { name: /^Remove\s*Condition 1$/ }));
    expect((onChange.mock.calls[1][0] as Form).conditions).toHaveLength(0);
  });

  it('has no accessibility violations (every control labelled)', async () => {
    const everything = form({
      trigger: { type: 'channel_message_received', channels: ['whatsapp'], includeMms: true, statuses: '' },
      conditions: ['body_contains', 'body_matches', 'keywords', 'contact_field', 'session_intent', 'session_status', 'business_hours']
        .map((type) => emptyCondition(type)),
    });
    const view = render(<AutomationForm form={everything} errors={{ name: 'must not be blank' }} unplaced={['x: y']} title="Edit"
      busy={false} onChange={() => {}} onSubmit={() => {}} onCancel={() => {}} />);
    const results = await axe.run(view.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
