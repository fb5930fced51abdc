import { Button } from '@/components/ui/button'

/** A form's submit button and, beside it, the outcome announced to screen readers. */
export function SubmitRow({ pending, label, pendingLabel, done }: { pending: boolean; label: string; pendingLabel: string; done: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={pending}>{pending ? pendingLabel : label}</Button>
      <p role="status" className="text-sm text-emerald-800">{done}</p>
    </div>
  )
}
