import { z } from 'zod'
import { DifficultySchema, StyleSchema } from '@/lib/engines/dance/vocabulary'
import { RESET_TOKEN_PATTERN } from '@/lib/shared/auth/password-reset-token'

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

/** What the app remembers per user. null clears a setting (PATCH merges, so it is the way
 * back to "any"). The generate page starts from level, style and length; the practice
 * player from showCounts. */
export const PreferencesSchema = z
  .object({
    mirror: z.boolean().optional(),
    defaultPlaybackRate: z.number().min(0.25).max(2).optional(),
    showCounts: z.boolean().optional(),
    preferredStyle: StyleSchema.nullable().optional(),
    preferredDifficulty: DifficultySchema.nullable().optional(),
    /** Seconds, as the generate page's Length chip; null = the whole song. */
    preferredDurationSeconds: z.number().int().min(8).max(900).nullable().optional(),
  })
  .strict()

export type Preferences = z.infer<typeof PreferencesSchema>

/** Only these fields can be changed by users themselves: role, email, disabled cannot. */
export const UpdateMeSchema = z
  .object({ name: NameSchema.optional(), preferences: PreferencesSchema.optional() })
  .strip()

export const RoleSchema = z.enum(['USER', 'INSTRUCTOR', 'ADMIN'])

export const AdminUpdateUserSchema = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, 'nothing to change')

export const PasswordResetRequestSchema = z.object({ email: EmailSchema }).strict()

/** The new password passes the same rules as at sign-up. */
export const PasswordResetSchema = z
  .object({ token: z.string().regex(RESET_TOKEN_PATTERN, 'is not a reset token'), password: PasswordSchema })
  .strict()

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: PasswordSchema })
  .strict()
