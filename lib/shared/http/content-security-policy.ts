/**
 * The pages' Content Security Policy. Scripts run only with this response's nonce (Next puts
 * it on its own scripts when it finds it in the request's policy; 'strict-dynamic' lets those
 * load the page's chunks), so an injected inline script or a foreign script does not run.
 * Styles keep 'unsafe-inline': React's style attributes (progress bars, the mirrored video)
 * need it, and a style cannot run code. Media and images may come from the storage origin,
 * where the app redirects signed reads (S3).
 */
export interface CspOptions {
  nonce: string
  /** React needs eval for its dev-time error overlay; never in production. */
  dev: boolean
  /** Only over https: on http://localhost it would send the page's own requests to https. */
  https: boolean
  storageOrigins: string[]
}

export function buildContentSecurityPolicy(o: CspOptions): string {
  const storage = o.storageOrigins.join(' ')
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${storage}`.trim(),
    `media-src 'self' blob: ${storage}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(o.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** Where signed storage reads point: the S3 endpoint given (path style), or AWS's bucket host. */
export function storageOrigins(env: { STORAGE_DRIVER?: string; S3_ENDPOINT?: string; S3_BUCKET?: string; S3_REGION?: string }): string[] {
  if (env.STORAGE_DRIVER !== 's3') return []
  if (env.S3_ENDPOINT) return [new URL(env.S3_ENDPOINT).origin]
  const region = env.S3_REGION ?? 'us-east-1'
  return env.S3_BUCKET ? [`https://${env.S3_BUCKET}.s3.${region}.amazonaws.com`, `https://${env.S3_BUCKET}.s3.amazonaws.com`] : []
}
