import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { addClassPlanItem } from '@/lib/services/class-plans/manage-class-plan-items'
import { handler, json } from '@/lib/shared/http/handler'
import { AddClassPlanItemSchema, ClassPlanParamsSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const POST = handler(
  { roles: CLASS_PLAN_ROLES, params: ClassPlanParamsSchema, body: AddClassPlanItemSchema, rateLimit: { name: 'class-plans', limit: 120, windowMs: 60_000 } },
  async ({ user, params, body }) => json(await addClassPlanItem(user, params.id, body), 201),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
