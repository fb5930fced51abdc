import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { removeClassPlanItem, updateClassPlanItem } from '@/lib/services/class-plans/manage-class-plan-items'
import { handler } from '@/lib/shared/http/handler'
import { ClassPlanItemParamsSchema, UpdateClassPlanItemSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

const params = ClassPlanItemParamsSchema
export const PATCH = handler({ roles: CLASS_PLAN_ROLES, params, body: UpdateClassPlanItemSchema }, async ({ user, params, body }) =>
  updateClassPlanItem(user, params.id, params.itemId, body))
export const DELETE = handler({ roles: CLASS_PLAN_ROLES, params }, async ({ user, params }) => removeClassPlanItem(user, params.id, params.itemId))

export const { GET, POST, PUT, OPTIONS } = otherMethods(['PATCH', 'DELETE'])
