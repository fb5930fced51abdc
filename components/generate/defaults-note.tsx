import Link from 'next/link'
import type { DefaultedParam, ParamDefaults } from '@/lib/engines/request/apply-param-defaults'

const NAMES: Record<DefaultedParam, string> = { difficulty: 'level', style: 'style', durationSeconds: 'length' }

function shown(key: DefaultedParam, d: ParamDefaults): string | null {
  const v = d[key]
  if (v === undefined || v === null) return null
  return key === 'durationSeconds' ? `${v} s` : String(v)
}

/** The profile's defaults, said where they apply: before reading (what will fill the gaps)
 * and after (which chips they filled). */
export function DefaultsNote({ defaults, only }: { defaults: ParamDefaults; only?: DefaultedParam[] }) {
  const parts = (only ?? (['difficulty', 'style', 'durationSeconds'] as const))
    .map((k) => [k, shown(k, defaults)] as const)
    .filter(([, v]) => v !== null)
  if (parts.length === 0) return null
  return (
    <p className="text-sm text-stone-700" data-testid={only ? 'defaults-applied' : 'defaults-note'}>
      {only ? 'Not in your request, so from your profile: ' : 'Your defaults, used where the request says nothing: '}
      {parts.map(([k, v], i) => <span key={k}>{i > 0 && ', '}{NAMES[k]} <strong>{v}</strong></span>)}
      {' '}(<Link href="/profile" className="text-brand-700 underline">change</Link>)
    </p>
  )
}
