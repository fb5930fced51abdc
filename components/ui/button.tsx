type Props = React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' }

export function Button({ variant = 'primary', className = '', ...props }: Props) {
  const look =
    variant === 'primary'
      ? 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-stone-400'
      : 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100'
  return <button className={`rounded-md px-4 py-2 font-medium ${look} ${className}`} {...props} />
}
