import { useState, type FormEvent } from 'react';
import { signIn } from '../../infrastructure/session/index.js';
import './sign-in.css';

/** Asks once for the server's API token; the server keeps the sign-in for this browser session. */
export function TokenPrompt({ onSignedIn }: { onSignedIn(): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') {
      setError('Paste the API token this server was started with (SLUICE_API_TOKEN).');
      return;
    }
    setBusy(true);
    const refused = await signIn(token.trim());
    setBusy(false);
    if (refused) setError(refused);
    else onSignedIn();
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Sluice
        </h1>
        <p>This server is reachable from the network, so it needs its API token before it shows pipelines or records.</p>
        <div className="field">
          <label className="field-label" htmlFor="api-token">
            API token
          </label>
          <input
            id="api-token"
            className="input"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={token}
            aria-invalid={error ? true : undefined}
            aria-describedby="api-token-help"
            onChange={(e) => {
              setToken(e.target.value);
              setError(null);
            }}
          />
          <span id="api-token-help" className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
            {error ?? 'The value of SLUICE_API_TOKEN where the server runs. Asked once per browser session.'}
          </span>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
