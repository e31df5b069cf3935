import type { RequestHandler } from "express";
import helmet from "helmet";

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
};

/**
 * Helmet with a strict CSP: scripts and styles only from our origin (no inline script, no eval),
 * no framing (CSP frame-ancestors 'none' and, for older browsers, X-Frame-Options: DENY). Over TLS it adds HSTS and upgrade-insecure-requests; over plain HTTP (a loopback
 * start) both would break the page, so they are left out there.
 */
export function securityHeaders(): RequestHandler {
  const plain = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives } },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
  const tls = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, upgradeInsecureRequests: [] } },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
  return (req, res, next) => (req.secure ? tls(req, res, next) : plain(req, res, next));
}
