'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

/** Anything the page did not expect: say so plainly and offer another try. */
export default function MovesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Move library</h1>
      <Alert>The move library could not be loaded. Please try again in a moment.</Alert>
      <Button type="button" onClick={reset}>Try again</Button>
    </div>
  )
}
