import { useEffect, useState } from 'react';
import { get } from '../../api';
import type { Page } from '../../types';
import { duration } from './model';

export interface RunSummary {
  id: string;
  automationVersion: number;
  triggerType: string;
  status: string;
  error?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  dueAt?: string | null;
}

interface Step {
  index: number;
  type: string;
  status: string;
  input?: unknown;
  output?: unknown;
  error?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
}

interface RunDetail extends RunSummary {
  steps: Step[];
  trigger?: unknown;
}

const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** An automation's runs, newest first; a run opens to its steps (status, error, timings, input and output). */
export function RunHistory({ automationId, name }: { automationId: string; name: string }) {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [open, setOpen] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRuns(null);
    setOpen(null);
    get<Page<RunSummary>>(`/api/v1/automations/${encodeURIComponent(automationId)}/runs?size=20`)
      .then((page) => setRuns(page.items))
      .catch(() => setError('Could not load the runs.'));
  }, [automationId]);

  const show = (id: string) => {
    get<RunDetail>(`/api/v1/automations/runs/${encodeURIComponent(id)}`)
      .then(setOpen)
      .catch(() => setError('Could not load the run.'));
  };

  return (
    <section aria-labelledby="runs-title" className="runs">
      <h2 id="runs-title">Runs of {name}</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {runs && runs.length === 0 && <p>No runs yet.</p>}
      {runs && runs.length > 0 && (
        <table>
          <caption className="sr-only">Runs, newest first</caption>
          <thead><tr><th scope="col">Started</th><th scope="col">Trigger</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Took</th><th scope="col"><span className="sr-only">Steps</span></th></tr></thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{when(run.startedAt)}</td>
                <td>{run.triggerType}</td>
                <td>v{run.automationVersion}</td>
                <td><span className={`chip run-${run.status}`}>{run.status}</span>{run.error && <span className="reason"> {run.error}</span>}</td>
                <td>{duration(run.startedAt, run.finishedAt)}</td>
                <td><button type="button" onClick={() => show(run.id)}>Steps<span className="sr-only"> of the run started {when(run.startedAt)}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <div className="run-detail">
          <h3>Run {open.id} (v{open.automationVersion}, {open.status})</h3>
          {open.error && <p className="error">{open.error}</p>}
          <ol className="steps">
            {open.steps.map((step) => (
              <li key={step.index}>
                <strong>{step.type}</strong> <span className={`chip run-${step.status}`}>{step.status}</span>
                {' '}<span className="when">{when(step.startedAt)} {duration(step.startedAt, step.finishedAt, step.durationMs) && `(${duration(step.startedAt, step.finishedAt, step.durationMs)})`}</span>
                {step.error && <p className="error">{step.error}</p>}
                {step.input != null && <details><summary>Input</summary><pre>{JSON.stringify(step.input, null, 2)}</pre></details>}
                {step.output != null && <details><summary>Output</summary><pre>{JSON.stringify(step.output, null, 2)}</pre></details>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
