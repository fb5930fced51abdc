import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { reorderClassPlan } from '@/lib/services/class-plans/manage-class-plan-items'
import { handler } from '@/lib/shared/http/handler'
import { ClassPlanParamsSchema, ReorderClassPlanSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The items in their new order (every item id once, else 422). */
export const PUT = handler({ roles: CLASS_PLAN_ROLES, params: ClassPlanParamsSchema, body: ReorderClassPlanSchema }, async ({ user, params, body }) =>
  reorderClassPlan(user, params.id, body.itemIds))

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods(['PUT'])
