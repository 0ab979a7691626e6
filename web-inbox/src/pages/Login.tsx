import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api';

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // the answer sets the XSRF-TOKEN cookie that the sign-in needs
  useEffect(() => {
    void request('GET', '/api/v1/me').catch(() => undefined);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('POST', '/login', undefined, new URLSearchParams({ username: email, password }));
      onSignedIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError('Too many failed sign-ins. Try again later.');
      else if (e instanceof ApiError && e.status === 401) setError('Wrong e-mail or password.');
      else setError(e instanceof Error ? e.message : 'Sign-in failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to the inbox</h1>
        <label htmlFor="email">E-mail</label>
        <input id="email" name="username" type="email" autoComplete="username" required value={email}
          onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
