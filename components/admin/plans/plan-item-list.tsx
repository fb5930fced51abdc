'use client'

import { useEffect, useRef, useState } from 'react'
import { PlanItemFields } from './plan-item-fields'
import { itemTitle, type PlanItem } from './plan-types'

interface Props {
  items: PlanItem[]
  /** The full new order of item ids; the parent saves it. */
  onReorder: (ids: string[], announce: string) => void
  onSaveItem: (id: string, v: { notes: string; durationMinutes: number | null }) => Promise<void>
  onRemove: (id: string) => void
}

function moved(ids: string[], from: number, to: number) {
  const next = [...ids]
  const [id] = next.splice(from, 1)
  next.splice(to, 0, id)
  return next
}

/**
 * The plan's items in order. Three ways to reorder, all saved through the order endpoint:
 * drag an item onto another's place, press ↑/↓ on a focused grip, or use the Move up/down buttons.
 */
export function PlanItemList({ items, onReorder, onSaveItem, onRemove }: Props) {
  const [dragging, setDragging] = useState<string | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const grips = useRef(new Map<string, HTMLButtonElement>())
  const focusAfter = useRef<string | null>(null)
  const ids = items.map((i) => i.id)

  // Keyboard reorder keeps the focus on the item that moved, wherever it went.
  useEffect(() => {
    if (focusAfter.current) grips.current.get(focusAfter.current)?.focus()
    focusAfter.current = null
  }, [items])

  const shift = (from: number, to: number, keepFocus: boolean) => {
    if (to < 0 || to >= items.length || to === from) return
    if (keepFocus) focusAfter.current = ids[from]
    onReorder(moved(ids, from, to), `${itemTitle(items[from])} moved to position ${to + 1} of ${items.length}.`)
  }
  const drop = (target: string) => {
    if (dragging && dragging !== target) shift(ids.indexOf(dragging), ids.indexOf(target), false)
    setDragging(null)
    setOver(null)
  }

  return (
    <ol aria-label="Plan items" className="space-y-3">
      {items.map((item, i) => (
        <li
          key={item.id}
          data-item-id={item.id}
          draggable
          onDragStart={(e) => { setDragging(item.id); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', item.id) }}
          onDragOver={(e) => { if (dragging) { e.preventDefault(); setOver(item.id) } }}
          onDragLeave={() => setOver((o) => (o === item.id ? null : o))}
          onDrop={(e) => { e.preventDefault(); drop(item.id) }}
          onDragEnd={() => { setDragging(null); setOver(null) }}
          className={`space-y-3 rounded-lg border bg-white p-3 ${over === item.id ? 'border-brand-600 ring-2 ring-brand-500' : 'border-stone-200'} ${dragging === item.id ? 'opacity-50' : ''}`}
        >
          <div className="flex flex-wrap items-start gap-2">
            <button
              type="button"
              ref={(el) => { if (el) grips.current.set(item.id, el); else grips.current.delete(item.id) }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowUp') { e.preventDefault(); shift(i, i - 1, true) }
                if (e.key === 'ArrowDown') { e.preventDefault(); shift(i, i + 1, true) }
              }}
              aria-label={`Reorder item ${i + 1}: drag, or press the up and down arrow keys`}
              className="cursor-grab rounded border border-stone-300 px-2 py-1 text-stone-600 active:cursor-grabbing"
            >
              <span aria-hidden>⠿</span>
            </button>
            <div className="min-w-0 flex-1 basis-48">
              <p className="break-words font-medium">{i + 1}. {itemTitle(item)}</p>
              {item.move && <p className="text-sm text-stone-600">{item.move.family}, {item.move.difficulty}, {item.move.counts} counts</p>}
              {item.choreography && (
                <p className="break-words text-sm text-stone-600">
                  {item.choreography.steps.length} moves, {item.choreography.totalCounts} counts
                  {item.choreography.steps.length > 0 && `: ${item.choreography.steps.filter((s) => s.kind === 'move').map((s) => s.name).join(', ')}`}
                  {!item.choreography.own && ' · shared with you'}
                </p>
              )}
            </div>
            <span className="flex flex-wrap gap-1">
              <button type="button" onClick={() => shift(i, i - 1, false)} disabled={i === 0} className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40">
                Move up<span className="sr-only"> item {i + 1}</span>
              </button>
              <button type="button" onClick={() => shift(i, i + 1, false)} disabled={i === items.length - 1} className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40">
                Move down<span className="sr-only"> item {i + 1}</span>
              </button>
              <button type="button" onClick={() => onRemove(item.id)} className="rounded border border-red-300 px-2 py-1 text-sm text-red-800">
                Remove<span className="sr-only"> item {i + 1}</span>
              </button>
            </span>
          </div>
          <PlanItemFields key={`${item.id}:${item.notes}:${item.durationMinutes}`} n={i + 1} notes={item.notes} durationMinutes={item.durationMinutes}
            onSave={(v) => onSaveItem(item.id, v)} />
        </li>
      ))}
    </ol>
  )
}
