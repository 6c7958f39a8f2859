import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { client } from './apollo';

export type Role = 'INTAKE_OFFICER' | 'SPECIALIST' | 'LEADER' | 'ADMIN' | 'OBSERVER' | 'CITIZEN';
export interface User {
  id: string;
  name: string;
  role: Role;
  centre: string | null;
  identityNumber?: string | null;
}

interface Session {
  user: User | null;
  loading: boolean;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session>({
  user: null,
  loading: true,
  refresh: async () => {},
  signOut: async () => {},
});

/** Who is signed in, as the gateway reads the HttpOnly cookie (GET /auth/me): the page never sees the token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const res = await fetch('/auth/me', { credentials: 'same-origin' });
      setUser(res.ok ? ((await res.json()) as { user: User | null }).user : null);
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  const signOut = useCallback(async () => {
    const res = await fetch('/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await client.clearStore();
    setUser(null);
    // a session of the identity provider: its end-session page ends the user's sign-in there too, then comes back
    if (res.status === 200) {
      const { redirect } = (await res.json()) as { redirect?: string };
      if (redirect) window.location.assign(redirect);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return <SessionContext.Provider value={{ user, loading, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** Where each role starts its day. */
export function homeOf(role: Role): string {
  if (role === 'INTAKE_OFFICER') return '/counter';
  if (role === 'SPECIALIST' || role === 'LEADER') return '/inbox';
  if (role === 'CITIZEN') return '/me';
  return '/dashboard';
}
