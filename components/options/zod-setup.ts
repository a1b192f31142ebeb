/**
 * zod 4 probes `new Function` on first use unless told not to; the extension's CSP refuses it and
 * reports a violation. The options page's first script carries no zod: whatever is loaded later
 * (lazy.ts) imports this module before its own code runs.
 */
import { z } from 'zod';

z.config({ jitless: true });
