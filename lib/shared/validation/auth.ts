import { z } from 'zod'

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .email('must be a valid email address')

export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')

export const NameSchema = z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters')

export const RegisterSchema = z.object({ email: EmailSchema, password: PasswordSchema, name: NameSchema }).strict()

export const CredentialsSchema = z
  .object({ email: EmailSchema, password: z.string().min(1, 'is required').max(200) })
  .strict()

export const RefreshSchema = z.object({ refreshToken: z.string().min(20).max(200) }).strict()

export const PreferencesSchema = z
  .object({
    mirror: z.boolean().optional(),
    defaultPlaybackRate: z.number().min(0.25).max(2).optional(),
    showCounts: z.boolean().optional(),
    preferredStyle: z.enum(['traditional', 'sensual', 'moderna']).optional(),
    preferredDifficulty: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
  })
  .strict()

/** Only these fields can be changed by users themselves: role, email, disabled cannot. */
export const UpdateMeSchema = z
  .object({ name: NameSchema.optional(), preferences: PreferencesSchema.optional() })
  .strip()

export const RoleSchema = z.enum(['USER', 'INSTRUCTOR', 'ADMIN'])

export const AdminUpdateUserSchema = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'nothing to change')
