/** A task's status in the words a dancer reads. */
export const STATUS_LABEL = {
  QUEUED: 'Queued', RUNNING: 'Rendering', SUCCEEDED: 'Ready', FAILED: 'Failed', CANCELLED: 'Cancelled',
} as const

export type TaskStatus = keyof typeof STATUS_LABEL
