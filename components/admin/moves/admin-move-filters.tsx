import Link from 'next/link'
import { DIFFICULTIES, FAMILIES, STYLES } from '@/lib/engines/dance/vocabulary-values'
import { vocabularyLabel } from './vocabulary-label'

export interface AdminMoveFilterValues { q: string; family: string; difficulty: string; style: string; enabled: string }

const selectClass = 'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5'

function Select({ name, label, value, options }: { name: keyof AdminMoveFilterValues; label: string; value: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-stone-800">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={selectClass}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  )
}

const any = (label: string, values: readonly string[]) => [{ value: '', label }, ...values.map((v) => ({ value: v, label: vocabularyLabel(v) }))]

/** A plain GET form: the list lives in the address, works without script, and Back works. */
export function AdminMoveFilters({ values }: { values: AdminMoveFilterValues }) {
  return (
    <form role="search" aria-label="Search and filter moves" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="filter-q" className="block text-sm font-medium text-stone-800">Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q} maxLength={200} placeholder="e.g. smooth turn from closed hold" className={selectClass} />
      </div>
      <Select name="family" label="Family" value={values.family} options={any('All families', FAMILIES)} />
      <Select name="difficulty" label="Level" value={values.difficulty} options={any('All levels', DIFFICULTIES)} />
      <Select name="style" label="Style" value={values.style} options={any('All styles', STYLES)} />
      <Select
        name="enabled" label="Status" value={values.enabled}
        options={[{ value: '', label: 'Enabled and disabled' }, { value: 'true', label: 'Enabled only' }, { value: 'false', label: 'Disabled only' }]}
      />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <button className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Apply</button>
        <Link href="/admin/moves" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-100">Clear</Link>
      </div>
    </form>
  )
}
