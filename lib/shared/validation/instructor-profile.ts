import { z } from 'zod'

/** Only web links: no javascript:, data: or mailto: reaches a page that renders them. */
const WebUrlSchema = z
  .string()
  .trim()
  .max(300, 'must be at most 300 characters')
  .url('must be a web address')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://')

export const InstructorLinkSchema = z
  .object({ label: z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters'), url: WebUrlSchema })
  .strict()

export const InstructorProfileSchema = z
  .object({
    bio: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    school: z.string().trim().max(120, 'must be at most 120 characters').default(''),
    links: z.array(InstructorLinkSchema).max(5, 'at most 5 links').default([]),
  })
  .strict()

export type InstructorLink = z.infer<typeof InstructorLinkSchema>
