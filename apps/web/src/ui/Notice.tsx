import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error';

/** A one-paragraph message above content: errors are alerts, the rest polite status. */
export function Notice({ tone = 'info', children }: { tone?: NoticeTone; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
