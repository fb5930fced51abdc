import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { createClassPlan, listClassPlans } from '@/lib/services/class-plans/manage-class-plans'
import { handler, json } from '@/lib/shared/http/handler'
import { CreateClassPlanSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ roles: CLASS_PLAN_ROLES }, async ({ user }) => listClassPlans(user))

export const POST = handler(
  { roles: CLASS_PLAN_ROLES, body: CreateClassPlanSchema, rateLimit: { name: 'class-plans', limit: 60, windowMs: 60_000 } },
  async ({ user, body }) => json(await createClassPlan(user, body), 201),
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
