/** Only same-site paths: "//evil.example" and absolute URLs would turn sign-in into an open redirect. */
export function safeCallbackPath(value: string | undefined, fallback = '/home'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  return value.slice(0, 500)
}
