import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Headers for every response: the page loads scripts, styles, images and connections only from
 * this server, no other site may frame it, and no address leaks out as a referrer. No HSTS and no
 * upgrade of insecure requests: the server speaks plain HTTP on loopback.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
