// One list, so the production nginx config can mirror it header for header.

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Headers on every /api answer and proxy-made JSON document. */
export const apiSecurityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/** Headers on app pages and assets; the CSP is left out in dev, where React refresh injects an inline script. */
export function pageSecurityHeaders(options: {
  contentSecurityPolicy: boolean
}): Readonly<Record<string, string>> {
  return {
    ...(options.contentSecurityPolicy ? { 'Content-Security-Policy': contentSecurityPolicy } : {}),
    ...apiSecurityHeaders,
    'X-Frame-Options': 'DENY',
  }
}

/** Sets each header on a response that has not been written yet. */
export function setHeaders(
  res: { setHeader(name: string, value: string): unknown },
  headers: Readonly<Record<string, string>>,
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
}
