import * as z from 'zod';

// The page's content security policy forbids eval; without this zod probes for it with
// `Function('')` (a reported violation) before falling back to the same checks without it.
z.config({ jitless: true });
