import { createContext, useContext } from 'react';
import type { Colleague, Me } from './types';

export const SessionContext = createContext<{ me: Me; colleagues: Colleague[] } | null>(null);

export function useSession() {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

/** An agent id → its name (assignees, who replied); anything else as it is. */
export function useAgentName() {
  const { colleagues } = useSession();
  return (id: string | undefined | null) => {
    if (!id) return '';
    return colleagues.find((c) => c.id === id)?.displayName ?? id;
  };
}
