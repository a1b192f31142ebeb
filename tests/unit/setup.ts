import 'fake-indexeddb/auto';
import { z } from 'zod';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

z.config({ jitless: true });

beforeEach(() => {
  fakeBrowser.reset();
});
