import { useId } from 'react'

type Props = React.InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[] }

/** Labelled input with its errors announced to screen readers. */
export function TextField({ label, errors, className, ...input }: Props) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500"
        {...input}
      />
      {errors?.length ? <p id={errorId} className="mt-1 text-sm text-red-700">{errors.join(' ')}</p> : null}
    </div>
  )
}
