import { useCallback, useEffect, useState } from 'react';
import { ApiError, get, post, put, request } from '../../api';
import type { Page } from '../../types';
import { AutomationForm } from './AutomationForm';
import { DryRun } from './DryRun';
import { RunHistory, type RunSummary } from './RunHistory';
import {
  describeTrigger, emptyForm, errorsByField, formFields, sampleEvent, toForm, toRequest, unplacedErrors,
  type Automation, type AutomationForm as Form,
} from './model';
import './automations.css';

type Mode = { kind: 'list' } | { kind: 'edit'; automation: Automation | null } | { kind: 'runs'; automation: Automation };

const BASE = '/api/v1/automations';
const path = (id: string, rest = '') => `${BASE}/${encodeURIComponent(id)}${rest}`;

/** The org's automations: list with the last run, enable/disable, create and edit as a form, dry run, run history. */
export function AutomationsPage() {
  const [automations, setAutomations] = useState<Automation[] | null>(null);
  const [lastRuns, setLastRuns] = useState<Record<string, RunSummary | null>>({});
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [form, setForm] = useState<Form>(emptyForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    get<Page<Automation>>(`${BASE}?size=100`)
      .then((page) => {
        setAutomations(page.items);
        // the list API has no last run: one small request per automation (an org has a handful)
        page.items.forEach((a) => {
          get<Page<RunSummary>>(path(a.id, '/runs?size=1'))
            .then((runs) => setLastRuns((all) => ({ ...all, [a.id]: runs.items[0] ?? null })))
            .catch(() => undefined);
        });
      })
      .catch(() => setError('Could not load the automations.'));
  }, []);
  useEffect(load, [load]);

  const edit = (automation: Automation | null) => {
    setForm(automation ? toForm(automation) : emptyForm());
    setErrors({});
    setNotice(null);
    setMode({ kind: 'edit', automation });
  };

  const save = async () => {
    const { body, errors: local } = toRequest(form);
    if (local.length) {
      setErrors(errorsByField(local));
      return;
    }
    setBusy(true);
    try {
      const editing = mode.kind === 'edit' ? mode.automation : null;
      const saved = editing ? await put<Automation>(path(editing.id), body) : await post<Automation>(BASE, body);
      setNotice(`Saved ${saved.name} (version ${saved.version}).`);
      setErrors({});
      setMode({ kind: 'edit', automation: saved });
      setForm(toForm(saved));
      load();
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors?.length) setErrors(errorsByField(e.problem.errors));
      else setErrors({ '': e instanceof ApiError ? e.message : 'Could not save the automation.' });
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (a: Automation) => {
    try {
      await post(path(a.id, a.enabled ? '/disable' : '/enable'));
      setNotice(`${a.name} is ${a.enabled ? 'disabled' : 'enabled'}.`);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not change the automation.');
    }
  };

  const remove = async (a: Automation) => {
    if (!window.confirm(`Delete the automation "${a.name}"?`)) return;
    try {
      await request('DELETE', path(a.id));
      setNotice(`${a.name} was deleted.`);
      setMode({ kind: 'list' });
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not delete the automation.');
    }
  };

  const fields = formFields(form);
  const unplaced = unplacedErrors(errors, (f) => fields.has(f)).map((e) => e.replace(/^: /, ''));
  const editing = mode.kind === 'edit' ? mode.automation : null;

  return (
    <section aria-labelledby="automations-title" className="automations-page">
      <h1 id="automations-title">Automations</h1>
      {notice && <p role="status" className="notice">{notice}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <button type="button" onClick={() => edit(null)}>New automation</button>
      {automations && automations.length === 0 && <p>No automations yet.</p>}
      {automations && automations.length > 0 && (
        <table>
          <caption>Automations of this organisation</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Trigger</th><th scope="col">Enabled</th><th scope="col">Version</th><th scope="col">Last run</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {automations.map((a) => {
              const last = lastRuns[a.id];
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{describeTrigger(a.trigger)}</td>
                  <td>{a.enabled ? 'yes' : 'no'}</td>
                  <td>v{a.version}</td>
                  <td>{last ? <><span className={`chip run-${last.status}`}>{last.status}</span> {last.startedAt ? new Date(last.startedAt).toLocaleString() : ''}</> : last === null ? 'never' : ''}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => toggle(a)}>{a.enabled ? 'Disable' : 'Enable'}<span className="sr-only"> {a.name}</span></button>
                    <button type="button" onClick={() => edit(a)}>Edit<span className="sr-only"> {a.name}</span></button>
                    <button type="button" onClick={() => setMode({ kind: 'runs', automation: a })}>Runs<span className="sr-only"> of {a.name}</span></button>
                    <button type="button" onClick={() => remove(a)}>Delete<span className="sr-only"> {a.name}</span></button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {mode.kind === 'edit' && (
        <div className="automation-editor">
          <AutomationForm form={form} errors={errors} unplaced={unplaced} busy={busy}
            title={editing ? `Edit ${editing.name} (version ${editing.version})` : 'New automation'}
            onChange={setForm} onSubmit={save} onCancel={() => setMode({ kind: 'list' })} />
          {editing && <DryRun key={`${editing.id}:${editing.version}`} automationId={editing.id} sample={sampleEvent(form.trigger)} />}
        </div>
      )}
      {mode.kind === 'runs' && <RunHistory automationId={mode.automation.id} name={mode.automation.name} />}
    </section>
  );
}
