import { findChromium } from './chromium-path.mjs';

if (!findChromium()) {
  console.error(`
The end-to-end tests need Chromium, and none was found.
Looked at: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's cache (~/.cache/ms-playwright).
Install one:
  Debian/Ubuntu:  sudo apt-get install chromium
  or point CHROMIUM_PATH at a Chromium or Chrome binary.
`);
  process.exit(1);
}
