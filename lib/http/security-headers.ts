/**
 * Security headers for every page and route (next.config.ts `headers()`).
 *
 * - No framing at all (CSP frame-ancestors and X-Frame-Options for older browsers): a
 *   framed /link or /settings page could be clickjacked into linking an Omi account or
 *   regenerating a token.
 * - The Content-Security-Policy allows only this origin. Scripts need 'unsafe-inline':
 *   Next.js streams each page's data as inline scripts, and nonces would force every page
 *   to render per request. Styles need it for the inline style attributes React sets.
 *   Audio plays from /api URLs and the export download is a blob: URL.
 *   `next dev` also needs eval (React's dev tools) and a websocket (hot reload).
 * - Referrer-Policy same-origin: no URL of this app is ever sent to another site.
 * - Permissions-Policy: nothing here uses the camera, microphone, location or payments.
 *
 * Dependency-free: next.config.ts imports it.
 */
export type Header = { key: string; value: string };

export function contentSecurityPolicy({ dev }: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders({ dev }: { dev: boolean }): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev }) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
}
