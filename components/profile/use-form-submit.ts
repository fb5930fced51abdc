import { useState } from 'react'
import { ApiError } from '@/components/ui/fetch-json'

type Fields = Record<string, string[]>

/** The submit state every profile form shares: pending, a message for the page, the
 * server's field errors under their inputs. */
export function useFormSubmit() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Fields>({})
  const [done, setDone] = useState<string | null>(null)

  async function run(action: () => Promise<string>) {
    setPending(true); setError(null); setFields({}); setDone(null)
    try {
      setDone(await action())
    } catch (e) {
      setError((e as Error).message)
      if (e instanceof ApiError && e.fields) setFields(e.fields)
    } finally {
      setPending(false)
    }
  }
  return { pending, error, fields, done, run }
}
