import { z } from 'zod'

export const PaginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export function pageArgs(p: z.infer<typeof PaginationSchema>) {
  return { skip: (p.page - 1) * p.pageSize, take: p.pageSize }
}
