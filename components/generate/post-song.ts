import { ApiError } from '@/components/ui/fetch-json'

/**
 * POST /api/songs as multipart with XHR, not fetch: only XHR reports upload progress. It
 * answers 202 once the file is checked and stored (the analysis follows: wait-for-analysis.ts).
 * A refusal becomes the API's message (and its field errors) as an ApiError.
 */
export function postSong<T>(file: File, fields: Record<string, string>, onProgress: (pct: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('file', file)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/songs')
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress((e.loaded / e.total) * 100) }
    xhr.onload = () => {
      if (xhr.status === 202 || xhr.status === 201) resolve(xhr.response as T)
      else reject(new ApiError(xhr.status, xhr.response?.error?.message ?? `Upload failed (${xhr.status})`, xhr.response?.error?.fields))
    }
    xhr.onerror = () => reject(new ApiError(0, 'The upload was interrupted. Check your connection and try again.'))
    xhr.send(form)
  })
}
