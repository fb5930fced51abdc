import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { duplicateClassPlan } from '@/lib/services/class-plans/manage-class-plans'
import { handler, json } from '@/lib/shared/http/handler'
import { ClassPlanParamsSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** A copy of the plan with all its items, owned by the caller and not shared. */
export const POST = handler(
  { roles: CLASS_PLAN_ROLES, params: ClassPlanParamsSchema, rateLimit: { name: 'class-plans', limit: 60, windowMs: 60_000 } },
  async ({ user, params }) => json(await duplicateClassPlan(user, params.id), 201),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
