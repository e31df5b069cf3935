import { edgeFuzzSuite } from "./testing/edge-fuzz-suite";

// Issue 8's edge fuzzing for one group of routes; see edgeFuzzSuite.
edgeFuzzSuite("certificates-audit");
