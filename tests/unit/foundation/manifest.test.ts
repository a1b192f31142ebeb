import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pins what the built extension asks for. A new permission must be a deliberate change here,
 * reviewed like the store reviewer would. Needs `npm run build` and `npm run build:firefox` first
 * (`npm test` runs them before the unit tests).
 */
const root = resolve(__dirname, '../../..');
function manifest(dir: string) {
  const path = resolve(root, process.env.RAPPORT_OUT ?? '.output', dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build && npm run build:firefox\` before the unit tests.`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('built manifest', () => {
  it('Chrome: asks only for what Rapport uses', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'scripting', 'sidePanel', 'storage']);
    expect(m.host_permissions).toEqual(['https://www.linkedin.com/*']);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined(); // the default, strict CSP
    expect(m.content_scripts).toEqual([
      expect.objectContaining({ matches: ['https://www.linkedin.com/*'], js: ['content-scripts/linkedin.js'] }),
    ]);
    expect(m.content_scripts[0].all_frames ?? false).toBe(false);
  });

  it('Firefox: the same permissions, a gecko id, no web-accessible resources', () => {
    const m = manifest('firefox-mv2');
    expect(m.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect([...m.permissions].sort()).toEqual(['alarms', 'https://www.linkedin.com/*', 'notifications', 'scripting', 'storage']);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.sidebar_action?.default_panel).toBe('sidepanel.html');
  });

  it('the e2e build differs from production only in code, not in what it asks for', () => {
    expect(manifest('chrome-mv3-e2e')).toEqual(manifest('chrome-mv3'));
  });
});

describe('built popup page', () => {
  // The popup's first screen is drawn by popup-first.js before anything else loads; the module
  // chunk (React) is named in a <meta> and imported by that script once the screen is drawn
  // (wxt.config.ts, components/popup/boot.ts). A build that put the module or its preloads back
  // in the HTML would make them compete with that first script again.
  for (const dir of ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv2']) {
    it(`${dir}: popup-first.js first in <head>; the app named, not loaded, by the HTML`, () => {
      const out = resolve(root, process.env.RAPPORT_OUT ?? '.output', dir);
      manifest(dir); // (says which build is missing)
      const html = readFileSync(resolve(out, 'popup.html'), 'utf8');
      const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
      expect(head.indexOf('<script src="/popup-first.js"')).toBeGreaterThan(-1);
      expect(head.indexOf('<script src="/popup-first.js"')).toBeLessThan(head.indexOf('<link'));
      expect(existsSync(resolve(out, 'popup-first.js'))).toBe(true);
      expect(html).not.toMatch(/type="module"|modulepreload/);
      const app = /<meta name="rapport-popup-app" content="\/(chunks\/popup-[^"]+\.js)">/.exec(html)?.[1];
      expect(app).toBeDefined();
      expect(existsSync(resolve(out, app!))).toBe(true);
    });
  }
});
