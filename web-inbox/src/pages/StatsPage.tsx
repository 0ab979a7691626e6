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

/** A bar chart of conversations per group (uPlot, bundled: nothing from a CDN). */
function BarChart({ title, groups }: { title: string; groups: [string, Group][] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || groups.length === 0 || typeof window.matchMedia === 'undefined') return;
    const xs = groups.map((_, i) => i);
    const ys = groups.map(([, g]) => Number(g.conversations ?? 0));
    const chart = new uPlot({
      width: 420, height: 220, title,
      scales: { x: { time: false, range: [-0.5, groups.length - 0.5] } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => groups[t]?.[0] ?? '') }, {}],
      series: [{}, { label: 'conversations', fill: '#1f6feb88', stroke: '#1f6feb', paths: uPlot.paths.bars!({ size: [0.6, 60] }) }],
      legend: { show: false },
    }, [xs, ys], box.current);
    return () => chart.destroy();
  }, [title, groups]);
  return <div ref={box} className="chart" role="img" aria-label={`${title}: ${groups.map(([k, g]) => `${k} ${g.conversations ?? 0}`).join(', ')}`} />;
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
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {stats && (
        <>
          <div className="kpis">
            <p><span className="kpi">{stats.totalConversations ?? stats.total ?? 0}</span> conversations</p>
            <p><span className="kpi">{typeof ratio === 'number' ? `${Math.round(ratio * 100)} %` : '—'}</span> resolved by the AI</p>
          </div>
          <div className="charts">
            <BarChart title="By channel" groups={byChannel} />
            <BarChart title="By intent" groups={byIntent} />
          </div>
          <GroupTable caption="By channel" groups={byChannel} />
          <GroupTable caption="By intent" groups={byIntent} />
        </>
      )}
    </section>
  );
}
