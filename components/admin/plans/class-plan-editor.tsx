'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import { AddPlanItemForm, type AddPlanItemBody } from './add-plan-item-form'
import { PlanDetailsForm, type PlanDetails } from './plan-details-form'
import { PlanItemList } from './plan-item-list'
import { PlanToolbar } from './plan-toolbar'
import type { Plan, PlanMoveSource, PlanSource } from './plan-types'

type PlanResponse = { plan: Plan }

/** The plan editor: details, the picker, items with notes and timing, reorder; the toolbar does the rest. */
export function ClassPlanEditor({ initial, sources, moves }: { initial: Plan; sources: PlanSource[]; moves: PlanMoveSource[] }) {
  const router = useRouter()
  const [plan, setPlan] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const base = `/api/class-plans/${plan.id}`

  /** Runs one API call; its error is shown and the result says whether it worked. */
  const run = async (fn: () => Promise<void>) => {
    setError(null)
    try { await fn(); return true } catch (e) { setError((e as Error).message); return false }
  }
  const saveDetails = (d: PlanDetails) => run(async () => setPlan((await fetchJson<PlanResponse>(base, { method: 'PATCH', body: d })).plan))
  const add = async (body: AddPlanItemBody) => {
    const ok = await run(async () => setPlan((await fetchJson<PlanResponse>(`${base}/items`, { body })).plan))
    if (ok) setAnnouncement('Item added at the end of the plan.')
    return ok
  }
  // Orders are saved one after another, so a quick second move cannot be overtaken by the first's answer.
  const orderQueue = useRef(Promise.resolve())
  const reorder = (ids: string[], announce: string) => {
    const before = plan
    // Shown at once; put back if the server refuses.
    setPlan({ ...plan, items: ids.map((id) => plan.items.find((i) => i.id === id)!) })
    orderQueue.current = orderQueue.current.then(async () => {
      await run(async () => {
        try {
          setPlan((await fetchJson<PlanResponse>(`${base}/order`, { method: 'PUT', body: { itemIds: ids } })).plan)
          setAnnouncement(announce)
        } catch (e) { setPlan(before); throw e }
      })
    })
  }
  const saveItem = async (itemId: string, v: { notes: string; durationMinutes: number | null }) => {
    if (await run(async () => setPlan((await fetchJson<PlanResponse>(`${base}/items/${itemId}`, { method: 'PATCH', body: v })).plan))) setAnnouncement('Item saved.')
  }
  const remove = (itemId: string) => void run(async () => {
    setPlan((await fetchJson<PlanResponse>(`${base}/items/${itemId}`, { method: 'DELETE' })).plan)
    setAnnouncement('Item removed.')
  })
  const duplicate = () => void run(async () => {
    const { plan: copy } = await fetchJson<PlanResponse>(`${base}/duplicate`, { method: 'POST' })
    router.push(`/admin/plans/${copy.id}`)
  })

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="break-words text-3xl font-bold">{plan.title}</h1>
        <PlanToolbar plan={plan} onDuplicate={duplicate} />
      </div>
      {error && <Alert>{error}</Alert>}
      <PlanDetailsForm plan={plan} onSave={saveDetails} />
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-xl font-semibold">
          Items <span className="text-base font-normal text-stone-600">({plan.items.length}{plan.totalMinutes > 0 ? `, ${plan.totalMinutes} min` : ''})</span>
        </h2>
        <AddPlanItemForm sources={sources} moves={moves} onAdd={add} />
        {plan.items.length === 0
          ? <p className="text-stone-600">No items yet: add a choreography or a move above.</p>
          : <PlanItemList items={plan.items} onReorder={reorder} onSaveItem={saveItem} onRemove={remove} />}
        <p aria-live="polite" role="status" className="sr-only">{announcement}</p>
      </section>
    </div>
  )
}
