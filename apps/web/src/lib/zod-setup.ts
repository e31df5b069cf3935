import { z } from "zod";

// zod probes `new Function("")` to decide whether to compile fast parsers; under the console's CSP
// (script-src 'self', no 'unsafe-eval') that probe is a reported violation. Say up front that
// code generation is off, so the probe never runs.
z.config({ jitless: true });
