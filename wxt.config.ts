import { defineConfig } from 'wxt';

// The e2e build differs from production in exactly one way: the panel's shadow root is open,
// so that Playwright can reach inside it. Everything else (permissions, CSP, code) is identical.
const e2e = process.env.RAPPORT_E2E === '1';
// `--mode e2e` makes WXT set NODE_ENV (and define process.env.NODE_ENV) to "e2e", which would ship
// React's development build and dev JSX in the e2e build only: several times slower, and not what
// users run. Both builds use the production libraries and transforms.
if (e2e) process.env.NODE_ENV = 'production';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // RAPPORT_OUT: build somewhere else than .output/ (several people building in one tree at once).
  outDir: process.env.RAPPORT_OUT ?? '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    define: {
      __RAPPORT_E2E__: JSON.stringify(e2e),
    },
    build: { chunkSizeWarningLimit: 1000 },
    plugins: [
      {
        // The popup's first screen is drawn by popup-first.js (a classic script, components/popup/
        // boot.ts) before React: the popup's module chunk (main.tsx and, through it, React) is not
        // in the HTML but named in a <meta>, and imported by popup-first.js once the first screen
        // is on screen, so its loading does not compete with that script's own (≈ 10 ms here).
        name: 'rapport-popup-app-after-first-paint',
        apply: 'build',
        transformIndexHtml: {
          order: 'post',
          handler(html: string, ctx: { path: string }) {
            if (!/popup\/index\.html$/.test(ctx.path)) return html;
            const src = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)?.[1];
            if (!src) throw new Error('rapport-popup-app-after-first-paint: no module script in popup.html');
            return html
              .replace(/\s*<script type="module" crossorigin src="[^"]+"><\/script>/, '')
              .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
              .replace('</head>', `  <meta name="rapport-popup-app" content="${src}">\n  </head>`);
          },
        },
      },
      {
        // (WXT's per-entrypoint define would say "e2e"; a plugin's config is merged after it.)
        name: 'rapport-production-libraries',
        config: () => ({ define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      },
    ],
  }),
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description: 'Grow and keep your professional network on LinkedIn: contacts, notes, follow-ups and outreach goals, all stored on your device.',
    permissions: ['storage', 'alarms', 'scripting', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['https://www.linkedin.com/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Show or hide the Rapport panel on a LinkedIn page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'rapport@rapport.local', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
