import { z } from "zod";

// The console runs under a Content-Security-Policy without 'unsafe-eval'. zod compiles object
// parsers with `new Function` when eval is allowed and probes for it on first use; the probe
// alone is reported as a CSP violation, so tell zod up front not to try. Imported first by main.tsx.
z.config({ jitless: true });
