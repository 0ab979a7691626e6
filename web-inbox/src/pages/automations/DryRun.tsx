import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../../api';

interface RenderedStep {
  index: number;
  type: string;
  status: string;
  rendered?: unknown;
  error?: string | null;
}

interface DryRunResult {
  automationVersion: number;
  triggered: boolean;
  conditionsPassed: boolean;
  conditions: { index: number; type: string; passed: boolean }[];
  actions: RenderedStep[];
}

/** Dry run of the saved automation against a sample event: the rendered actions, nothing sent. */
export function DryRun({ automationId, sample }: { automationId: string; sample: Record<string, unknown> }) {
  const [text, setText] = useState(() => JSON.stringify(sample, null, 2));
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      setError('The sample event must be JSON.');
      return;
    }
    try {
      setError(null);
      setResult(await post<DryRunResult>(`/api/v1/automations/${encodeURIComponent(automationId)}/test`, body));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e.message : 'The test could not run.');
    }
  };

  return (
    <form onSubmit={run} className="dry-run" aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Test (dry run, nothing is sent)</h2>
      <label htmlFor="dry-run-sample">Sample event (JSON)</label>
      <textarea id="dry-run-sample" rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Run test</button>
      {error && <p role="alert" className="error">{error}</p>}
      {result && (
        <div aria-live="polite">
          <p>
            {result.triggered ? 'The sample triggers it' : 'The sample does not trigger it'};{' '}
            {result.conditionsPassed ? 'conditions pass.' : 'conditions do not pass.'}
          </p>
          {result.conditions.length > 0 && (
            <ul>{result.conditions.map((c) => <li key={c.index}>{c.type}: {c.passed ? 'passes' : 'fails'}</li>)}</ul>
          )}
          <ol className="rendered">
            {result.actions.map((a) => (
              <li key={a.index}>
                <strong>{a.type}</strong> <span className={`chip run-${a.status}`}>{a.status}</span>
                {a.error && <p className="error">{a.error}</p>}
                {a.rendered != null && <pre>{JSON.stringify(a.rendered, null, 2)}</pre>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </form>
  );
}
