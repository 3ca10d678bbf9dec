import type { MouseEvent } from 'react';

/**
 * Follows a link inside the app without a page load: the app's router listens to popstate, so
 * features can link to each other's pages without importing the app shell. Modified clicks
 * (new tab, new window) are left to the browser.
 */
export function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const href = event.currentTarget.getAttribute('href');
  if (!href || href === window.location.pathname) return;
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
