import { z } from 'zod';

// Zod compiles fast object parsers with `new Function`, which the renderer's CSP (no 'unsafe-eval')
// forbids; the interpreted parser is plenty for the few payloads the renderer checks.
z.config({ jitless: true });
