'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { postSong } from '@/components/generate/post-song'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ApiError } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { FailedSongAlert } from '@/components/generate/failed-song-alert'
import { waitForAnalysis, type AnalysisPoll } from '@/components/generate/wait-for-analysis'

const ACCEPT = '.mp3,.wav,.flac,.ogg,.opus,.m4a,.aac,audio/*'
const MAX_BYTES = 60 * 1024 * 1024

type Uploaded = { song: { id: string; title: string } & Pick<AnalysisPoll, 'analysisStatus' | 'analysisError'> }

/** Upload a song with its title, artist and visibility. The server answers once the file is
 * stored and analyses it after: "Analysing…" (polled) until it is ready or failed; the list
 * below refreshes at each step to show it. */
export function AdminSongUpload() {
  const router = useRouter()
  const form = useRef<HTMLFormElement>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string[]>>({})
  const [done, setDone] = useState<Uploaded['song'] | null>(null)
  const [analysing, setAnalysing] = useState(false)

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const file = data.get('file')
    setError(null); setFields({}); setDone(null)
    if (!(file instanceof File) || file.size === 0) { setFields({ file: ['Choose an audio file'] }); return }
    if (file.size > MAX_BYTES) { setFields({ file: [`That file is ${(file.size / 1048576).toFixed(0)} MB; songs can be up to 60 MB.`] }); return }
    setProgress(0)
    try {
      const text = (k: string) => String(data.get(k) ?? '')
      const res = await postSong<Uploaded>(file, { title: text('title'), artist: text('artist'), visibility: text('visibility') }, setProgress)
      form.current?.reset()
      router.refresh()
      setProgress(null)
      let song = res.song
      if (song.analysisStatus === 'analysing') {
        setAnalysing(true)
        const poll = await waitForAnalysis(song.id)
        song = { ...song, analysisStatus: poll.analysisStatus, analysisError: poll.analysisError }
        router.refresh()
      }
      setDone(song)
    } catch (err) {
      setError((err as Error).message)
      if (err instanceof ApiError && err.fields) setFields(err.fields)
    } finally {
      setProgress(null)
      setAnalysing(false)
    }
  }

  const busy = progress !== null || analysing
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby="upload-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="upload-heading" className="text-lg font-semibold">Upload a song</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Title" name="title" required maxLength={200} errors={fields.title} />
        <TextField label="Artist" name="artist" maxLength={200} errors={fields.artist} />
        <div>
          <label htmlFor="upload-visibility" className="block text-sm font-medium text-stone-800">Visibility</label>
          <select id="upload-visibility" name="visibility" defaultValue="PRIVATE" className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2">
            <option value="PRIVATE">Private (only you)</option>
            <option value="PUBLIC">Public (the library)</option>
          </select>
        </div>
        <TextField label="Audio file (mp3, wav, flac, ogg, m4a; up to 60 MB)" name="file" type="file" accept={ACCEPT} errors={fields.file} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>{busy ? 'Uploading…' : 'Upload'}</Button>
        <span className="text-sm text-stone-700" aria-live="polite" data-testid="upload-progress">
          {analysing ? 'Analysing… tempo, beats, count 1, sections' : progress === null ? '' : progress < 100 ? `Uploading… ${Math.round(progress)}%` : 'Checking the file…'}
        </span>
      </div>
      {error && <Alert>{error}</Alert>}
      {done?.analysisStatus === 'failed' && (
        <FailedSongAlert song={done} message={done.analysisError?.message ?? 'The analysis failed'} onDeleted={() => { setDone(null); router.refresh() }} />
      )}
      {done && done.analysisStatus !== 'failed' && (
        <p role="status" className="text-sm">
          <strong>{done.title}</strong> is uploaded and analysed. <Link className="text-brand-700 underline" href={`/admin/songs/${done.id}`}>Check its analysis</Link>
        </p>
      )}
    </form>
  )
}
