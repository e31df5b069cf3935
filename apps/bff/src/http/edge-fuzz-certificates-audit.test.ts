import { edgeFuzzSuite } from "./testing/edge-fuzz-suite";

// Bad input at the edge, for one group of routes (split so the groups run in parallel); see edgeFuzzSuite.
edgeFuzzSuite("certificates-audit");
