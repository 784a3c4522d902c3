/**
 * Recordings are untrusted: the built app forbids inline script and every
 * remote load except the two GitHub hosts a user can ask for. One policy for
 * the static build (a meta tag, see vite.config.ts) and the command line's
 * server (a response header).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https://api.github.com https://raw.githubusercontent.com",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
