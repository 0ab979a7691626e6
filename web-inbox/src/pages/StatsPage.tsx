import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { get } from '../api';

interface Group {
  conversations?: number;
  averageMessages?: number;
  averageFirstResponseSeconds?: number;
  averageDurationSeconds?: number;
  [key: string]: unknown;
}

interface Stats {
  totalConversations?: number;
  total?: number;
  aiResolutionRatio?: number;
  /** conversation-service: ratio = closed conversations no person took part in / all closed (null if none) */
  aiResolution?: { closedConversations?: number; resolvedWithoutHuman?: number; ratio?: number | null } | null;
  byStatus?: Record<string, number>;
  byChannel?: Record<string, Group> | (Group & { channel: string })[];
  byIntent?: Record<string, Group> | (Group & { intent: string })[];
  [key: string]: unknown;
}

function entries(groups: Stats['byChannel'] | Stats['byIntent'], key: 'channel' | 'intent'): [string, Group][] {
  if (!groups) return [];
  if (Array.isArray(groups)) return groups.map((g) => [String((g as Record<string, unknown>)[key] ?? '?'), g]);
  return Object.entries(groups);
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const METRICS = {
  conversations: 'conversations',
  averageMessages: 'average messages',
  averageFirstResponseSeconds: 'average first response (s)',
  averageDurationSeconds: 'average duration (s)',
} as const;
type Metric = keyof typeof METRICS;

/** A bar chart of one figure per group (uPlot, bundled: nothing from a CDN). */
function BarChart({ title, groups, metric }: { title: string; groups: [string, Group][]; metric: Metric }) {
  const box = useRef<HTMLDivElement>(null);
  const ys = groups.map(([, g]) => Math.round(Number(g[metric] ?? 0) * 10) / 10);
  useEffect(() => {
    if (!box.current || groups.length === 0 || typeof window.matchMedia === 'undefined') return;
    const xs = groups.map((_, i) => i);
    const chart = new uPlot({
      width: 420, height: 220, title: `${title}: ${METRICS[metric]}`,
      scales: { x: { time: false, range: [-0.5, groups.length - 0.5] } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => groups[t]?.[0] ?? '') }, {}],
      series: [{}, { label: METRICS[metric], fill: '#1f6feb88', stroke: '#1f6feb', paths: uPlot.paths.bars!({ size: [0.6, 60] }) }],
      legend: { show: false },
    }, [xs, ys], box.current);
    return () => chart.destroy();
  }, [title, groups, metric]);
  return <div ref={box} className="chart" role="img"
    aria-label={`${title}, ${METRICS[metric]}: ${groups.map(([k], i) => `${k} ${ys[i]}`).join(', ')}`} />;
}

function seconds(value: unknown): string {
  return typeof value === 'number' ? `${Math.round(value)} s` : '—';
}

function GroupTable({ caption, groups }: { caption: string; groups: [string, Group][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{caption.split(' ').pop()}</th><th scope="col">Conversations</th><th scope="col">Avg messages</th><th scope="col">Avg first response</th><th scope="col">Avg duration</th></tr></thead>
      <tbody>
        {groups.map(([name, g]) => (
          <tr key={name}><th scope="row">{name}</th><td>{g.conversations ?? 0}</td><td>{typeof g.averageMessages === 'number' ? g.averageMessages.toFixed(1) : '—'}</td>
            <td>{seconds(g.averageFirstResponseSeconds)}</td><td>{seconds(g.averageDurationSeconds)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsPage() {
  const [from, setFrom] = useState(isoDay(-30));
  const [to, setTo] = useState(isoDay(0));
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [metric, setMetric] = useState<Metric>('conversations');

  useEffect(() => {
    get<Stats>(`/api/v1/conversations/stats?from=${from}&to=${to}`)
      .then((s) => { setStats(s); setError(null); })
      .catch((e) => setError(e instanceof Error ? e.message : 'Could not load the stats.'));
  }, [from, to]);

  const byChannel = entries(stats?.byChannel, 'channel');
  const byIntent = entries(stats?.byIntent, 'intent');
  const ratio = stats?.aiResolutionRatio ?? stats?.aiResolution?.ratio ?? undefined;
  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">Stats</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>Chart
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {Object.entries(METRICS).map(([key, label]) => <option key={key} value={key}>{label}</option>)}
          </select>
        </label>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {stats && (
        <>
          <div className="kpis">
            <p><span className="kpi">{stats.totalConversations ?? stats.total ?? 0}</span> conversations</p>
            <p><span className="kpi">{typeof ratio === 'number' ? `${Math.round(ratio * 100)} %` : '—'}</span> resolved by the AI</p>
          </div>
          <div className="charts">
            <BarChart title="By channel" groups={byChannel} metric={metric} />
            <BarChart title="By intent" groups={byIntent} metric={metric} />
          </div>
          <GroupTable caption="By channel" groups={byChannel} />
          <GroupTable caption="By intent" groups={byIntent} />
        </>
      )}
    </section>
  );
}
