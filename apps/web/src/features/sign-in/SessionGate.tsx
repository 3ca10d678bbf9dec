import { useEffect, useState, type ReactNode } from 'react';
import { readSession, type SessionState } from '../../infrastructure/session/index.js';
import { TokenPrompt } from './TokenPrompt.js';

/** Shows the app once the browser may use the server: at once on loopback, after the token prompt when exposed. */
export function SessionGate({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState | null>(null);
  useEffect(() => {
    let current = true;
    void readSession().then((state) => {
      if (current) setSession(state);
    });
    return () => {
      current = false;
    };
  }, []);
  if (session === null) return null;
  if (session.tokenRequired && !session.signedIn) return <TokenPrompt onSignedIn={() => setSession({ ...session, signedIn: true })} />;
  return <>{children}</>;
}
