/**
 * Zod compiles fast parsers with `new Function` when it may; under the site's Content-Security-Policy
 * (no 'unsafe-eval') even its probe for that is reported as a violation. Browser code that validates
 * with zod imports this module first, so zod parses without compiling and never probes.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
