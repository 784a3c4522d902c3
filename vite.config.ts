import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { CONTENT_SECURITY_POLICY } from './src/config/contentSecurityPolicy';

/** The build carries the policy as a meta tag; dev mode skips it because React Refresh injects an inline preamble. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

/**
 * Vite's dev and preview servers answer 404 to an address whose %-escapes do
 * not decode, before the app can say what is wrong with it. A recording or
 * test address (`/r/…`, `/t/…`) is the app's to judge: serve the app.
 */
function appAddressesReachTheApp(): Plugin {
  const rewrite = (req: { url?: string }, _res: unknown, next: () => void) => {
    const url = req.url ?? '';
    if (/^\/[rt]\//.test(url)) {
      try {
        decodeURI(url);
      } catch {
        req.url = '/';
      }
    }
    next();
  };
  return {
    name: 'app-addresses-reach-the-app',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), appAddressesReachTheApp()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['testing/vitestGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
