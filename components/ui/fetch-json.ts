/**
 * The browser's side of the JSON API: same-origin, cookie session, and the API's one error
 * shape turned into a message a person can read.
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly fields?: Record<string, string[]>) {
    super(message)
  }
}

export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.')
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) {
    const err = body?.error
    const fields = err?.fields as Record<string, string[]> | undefined
    const detail = fields ? Object.entries(fields).map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ') : ''
    throw new ApiError(res.status, [err?.message ?? `Request failed (${res.status})`, detail].filter(Boolean).join(' — '), fields)
  }
  return body as T
}
