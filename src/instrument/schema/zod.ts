/**
 * zod, configured once for the app's strict Content-Security-Policy. Without `jitless`, zod 4
 * probes for eval with `Function('')`; `script-src 'self'` blocks that and reports a violation
 * on every load (zod then falls back, so nothing breaks, but the policy must stay clean).
 * Every module imports zod through here so the setting is in place before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
