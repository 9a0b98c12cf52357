import { z } from "zod";

// Zod probes `new Function` to compile faster parsers. Under the CSP (no 'unsafe-eval') that probe
// is a violation the browser reports on every form: parse without it.
z.config({ jitless: true });
