'use client'

import { DIFFICULTIES, ENERGIES, FAMILIES, MOODS, SPAN_SECTIONS, STYLES } from '@/lib/engines/dance/vocabulary-values'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'

const label = (s: string) => s.replace(/-/g, ' ')

const chip = 'inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm'

function SelectChip({ name, value, options, onChange, anyLabel }: {
  name: string; value: string | null; options: readonly string[]; onChange: (v: string | null) => void; anyLabel: string
}) {
  return (
    <label className={`${chip} ${value ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white'}`}>
      <span className="font-medium">{name}</span>
      <select aria-label={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} className="bg-transparent">
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
    </label>
  )
}

type Family = ChoreographyParams['includeFamilies'][number]

function FamilyList({ name, values, onChange, tone }: { name: string; values: Family[]; onChange: (v: Family[]) => void; tone: string }) {
  const left = FAMILIES.filter((f) => !values.includes(f))
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={name}>
      <span className="text-sm font-medium">{name}:</span>
      {values.map((f) => (
        <span key={f} className={`${chip} ${tone}`}>
          {label(f)}
          <button type="button" onClick={() => onChange(values.filter((v) => v !== f))} aria-label={`Remove ${label(f)} from ${name.toLowerCase()}`}
            className="rounded-full px-1 hover:bg-white">×</button>
        </span>
      ))}
      <select aria-label={`Add to ${name.toLowerCase()}`} value="" onChange={(e) => e.target.value && onChange([...values, e.target.value as Family])}
        className="rounded-full border border-dashed border-stone-400 bg-white px-2 py-1 text-sm">
        <option value="">+ add</option>
        {left.map((f) => <option key={f} value={f}>{label(f)}</option>)}
      </select>
    </div>
  )
}

type Span = ChoreographyParams['span']

/** The span as one select value: "start", "best" or "section:chorus". */
const spanValue = (s: Span) => (s.kind === 'section' ? `section:${s.section}` : s.kind)
function spanOf(value: string): Span {
  const [kind, section] = value.split(':')
  return kind === 'section' ? { kind: 'section', section: section as NonNullable<Span['section']> } : { kind: kind as 'start' | 'best', section: null }
}

/** What the request was read as, every part editable before generating. */
export function ParamChips({ params, onChange }: { params: ChoreographyParams; onChange: (p: ChoreographyParams) => void }) {
  const set = <K extends keyof ChoreographyParams>(key: K, value: ChoreographyParams[K]) => onChange({ ...params, [key]: value })
  const minutes = params.durationSeconds === null ? '' : String(params.durationSeconds)
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <SelectChip name="Level" value={params.difficulty} options={DIFFICULTIES} anyLabel="any" onChange={(v) => set('difficulty', v as ChoreographyParams['difficulty'])} />
        <SelectChip name="Style" value={params.style} options={STYLES} anyLabel="any" onChange={(v) => set('style', v as ChoreographyParams['style'])} />
        <SelectChip name="Energy" value={params.energy} options={ENERGIES} anyLabel="follow the music" onChange={(v) => set('energy', v as ChoreographyParams['energy'])} />
        <label className={`${chip} ${minutes ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white'}`}>
          <span className="font-medium">Length</span>
          <input aria-label="Length in seconds" type="number" min={8} max={900} step={1} value={minutes} placeholder="whole song"
            onChange={(e) => set('durationSeconds', e.target.value === '' ? null : Math.max(8, Math.min(900, Math.round(Number(e.target.value)))))}
            className="w-24 bg-transparent" />
          <span>s</span>
        </label>
        <label className={`${chip} ${params.span.kind !== 'start' ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white'}`}>
          <span className="font-medium">Part</span>
          <select aria-label="Part of the song" value={spanValue(params.span)} onChange={(e) => set('span', spanOf(e.target.value))} className="bg-transparent">
            <option value="start">from the start</option>
            <option value="best">the best part</option>
            {SPAN_SECTIONS.map((s) => <option key={s} value={`section:${s}`}>the {s}</option>)}
          </select>
        </label>
        <label className={`${chip} ${params.countIn ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white text-stone-600'}`}>
          <input type="checkbox" role="switch" checked={params.countIn} onChange={(e) => set('countIn', e.target.checked)} className="accent-brand-600" />
          <span className="font-medium">Count-in</span>
          <span className="text-xs">5 6 7 8</span>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Moods">
        <span className="text-sm font-medium">Moods:</span>
        {MOODS.map((m) => {
          const on = params.moods.includes(m)
          return (
            <button key={m} type="button" aria-pressed={on} onClick={() => set('moods', on ? params.moods.filter((x) => x !== m) : [...params.moods, m])}
              className={`${chip} ${on ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white text-stone-600'}`}>
              {m}
            </button>
          )
        })}
      </div>
      <FamilyList name="Include" values={params.includeFamilies} tone="border-emerald-600 bg-emerald-50"
        onChange={(v) => onChange({ ...params, includeFamilies: v, excludeFamilies: params.excludeFamilies.filter((f) => !v.includes(f)) })} />
      <FamilyList name="Exclude" values={params.excludeFamilies} tone="border-stone-500 bg-stone-100"
        onChange={(v) => onChange({ ...params, excludeFamilies: v, includeFamilies: params.includeFamilies.filter((f) => !v.includes(f)) })} />
      {params.excludeHolds.length > 0 && (
        <p className="text-sm text-stone-700">No moves in the {params.excludeHolds.map(label).join(', ')} hold.</p>
      )}
      {params.query && <p className="text-sm text-stone-700">Also looking for: <q>{params.query}</q></p>}
      {params.warnings.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-amber-800">
          {params.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
    </div>
  )
}
