import express, { Router } from 'express';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageDirectives, policyText } from '../exposure/index.js';

/** apps/web/dist, seen from apps/server/src/web or apps/server/dist/web. */
export const defaultWebDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

/**
 * The designer's built files with a single-page-app fallback (any GET outside /api and /metrics
 * gets index.html), or, when the web app is not built, a small page that says so.
 */
export function webAppRoutes(webDir: string): Router {
  const router = Router();
  const index = join(webDir, 'index.html');
  if (existsSync(index)) {
    router.use(express.static(webDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex }));
    router.use((req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path === '/api' || req.path === '/metrics') {
        return next();
      }
      res.set('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    router.get('/', (_req, res) => {
      res.set('Content-Security-Policy', placeholderPolicy).type('html').send(placeholderPage);
    });
  }
  return router;
}

function noCacheForIndex(res: express.Response, path: string): void {
  if (path.endsWith('index.html')) res.set('Cache-Control', 'no-cache');
}

const placeholderStyle =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f2f2f2;padding:0 .25rem}';

/** The server's policy, with this page's one style element allowed by its hash. */
const placeholderPolicy = policyText({
  ...pageDirectives,
  'style-src': [`'sha256-${createHash('sha256').update(placeholderStyle).digest('base64')}'`],
});

const placeholderPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sluice</title>
<style>${placeholderStyle}</style>
</head>
<body>
<h1>Sluice</h1>
<p>The server is running, but the web UI is not built here (no <code>apps/web/dist</code>).
Build it with <code>pnpm build</code> and restart, or use the API:</p>
<ul>
<li><a href="/api/health">/api/health</a> — the server and its Kafka connection</li>
<li><a href="/api/pipelines">/api/pipelines</a> — pipelines and their status</li>
<li><a href="/api/topics">/api/topics</a> — topics, partitions and offsets</li>
<li><a href="/api/live">/api/live</a> — live metrics (server-sent events)</li>
<li><a href="/metrics">/metrics</a> — Prometheus metrics</li>
<li><a href="/api">/api</a> — every route</li>
</ul>
</body>
</html>
`;
