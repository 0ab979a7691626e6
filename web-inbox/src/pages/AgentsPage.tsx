import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api';
import { useSession } from '../session';

/** Org admins add agents (e-mail, name, role, initial password). */
export function AgentsPage() {
  const { colleagues } = useSession();
  const [form, setForm] = useState({ email: '', displayName: '', role: 'agent', password: '' });
  const [message, setMessage] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await post('/api/v1/agents', form);
      setMessage(`Created ${form.email}.`);
      setForm({ email: '', displayName: '', role: 'agent', password: '' });
    } catch (e) {
      const fields = e instanceof ApiError ? e.problem.errors?.map((f) => `${f.field}: ${f.message}`).join('; ') : null;
      setMessage(fields || (e instanceof Error ? e.message : 'Could not create the agent.'));
    }
  };

  return (
    <section aria-labelledby="agents-title">
      <h1 id="agents-title">Agents</h1>
      <ul>{colleagues.map((c) => <li key={c.id}>{c.displayName} ({c.role})</li>)}</ul>
      <form onSubmit={create} aria-label="New agent">
        <label>E-mail <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>Name <input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} /></label>
        <label>Role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="agent">agent</option><option value="admin">admin</option>
          </select>
        </label>
        <label>Initial password <input type="password" autoComplete="new-password" minLength={12} required value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        {message && <p role="status">{message}</p>}
        <button type="submit">Create agent</button>
      </form>
    </section>
  );
}
