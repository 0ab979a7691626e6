import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { ApiError, get, post, request, setUnauthorizedHandler } from './api';
import { useRoute } from './router';
import type { Colleague, Me } from './types';
import { Login } from './pages/Login';
import { Conversations } from './pages/Conversations';
import { ThreadPage } from './pages/ThreadPage';
import { ContactPage } from './pages/ContactPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { AgentsPage } from './pages/AgentsPage';
import { AutomationsPage } from './pages/automations/AutomationsPage';
import { SessionContext } from './session';

// the Stats page brings the chart library: loaded when first shown, so the inbox's own pages start sooner
const StatsPage = lazy(() => import('./pages/StatsPage').then((m) => ({ default: m.StatsPage })));

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const signedIn = await get<Me>('/api/v1/me');
      setMe(signedIn);
      const list = await get<{ items: Colleague[] }>('/api/v1/agents');
      setColleagues(list.items);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setMe(null);
      else setMe(null);
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    void load();
  }, [load]);

  if (me === undefined) return <p className="loading">Loading…</p>;
  if (me === null) return <Login onSignedIn={load} />;

  const logout = async () => {
    await post('/logout');
    setMe(null);
    // a fresh CSRF cookie for the next sign-in
    await request('GET', '/api/v1/me').catch(() => undefined);
  };

  const [page, id] = route;
  let content;
  if (page === 'conversations' && id) content = <ThreadPage sessionId={id} />;
  else if (page === 'contacts' && id) content = <ContactPage contactId={id} />;
  else if (page === 'stats') content = <StatsPage />;
  else if (page === 'templates') content = <TemplatesPage />;
  else if (page === 'agents') content = <AgentsPage />;
  else if (page === 'automations') content = <AutomationsPage />;
  else content = <Conversations />;

  const current = page ?? 'conversations';
  const link = (target: string, label: string) => (
    <a href={`#/${target}`} aria-current={current === target ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <SessionContext.Provider value={{ me, colleagues }}>
      <header className="top">
        <nav aria-label="Main">
          {link('conversations', 'Conversations')}
          {link('stats', 'Stats')}
          {link('templates', 'Templates')}
          {link('automations', 'Automations')}
          {me.role === 'admin' && link('agents', 'Agents')}
        </nav>
        <div className="who">
          <span>{me.displayName}</span>
          <button type="button" onClick={logout}>
            Sign out
          </button>
        </div>
      </header>
      <main><Suspense fallback={<p className="loading">Loading…</p>}>{content}</Suspense></main>
    </SessionContext.Provider>
  );
}
