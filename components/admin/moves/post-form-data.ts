import { ApiError } from '@/components/ui/fetch-json'

/** multipart POST with the API's error shape turned into an ApiError (fields kept for the form).
 * fetchJson sends JSON only; uploads need the browser to write the multipart body itself. */
export async function postFormData<T>(url: string, form: FormData): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.')
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `Request failed (${res.status})`, body?.error?.fields)
  return body as T
}
