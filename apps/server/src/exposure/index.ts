// What keeps pages of other sites, and anyone without the token on an exposed server, out.
export { AllowedHosts, normaliseAllowedHost } from './allowed-hosts.js';
export { ApiToken } from './api-token.js';
export { hostGuard, originGuard, tokenGuard, type ExposureSettings } from './exposure-guard.js';
export { RefusalLog } from './refusal-log.js';
export { pageDirectives, policyText, securityHeaders } from './security-headers.js';
export { clearSessionCookie, sessionCookieOf, setSessionCookie } from './session-cookie.js';
