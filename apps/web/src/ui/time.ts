/** "just now", "5 min ago", "3 h ago", else the date: when something last happened. */
export function timeAgo(value: string | number | null | undefined, now = Date.now()): string {
  if (value === null || value === undefined || value === '') return '—';
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return '—';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
