import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { deleteClassPlan, getClassPlan, updateClassPlan } from '@/lib/services/class-plans/manage-class-plans'
import { handler } from '@/lib/shared/http/handler'
import { ClassPlanParamsSchema, UpdateClassPlanSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

const params = ClassPlanParamsSchema
export const GET = handler({ roles: CLASS_PLAN_ROLES, params }, async ({ user, params }) => getClassPlan(user, params.id))
export const PATCH = handler({ roles: CLASS_PLAN_ROLES, params, body: UpdateClassPlanSchema }, async ({ user, params, body }) =>
  updateClassPlan(user, params.id, body))
export const DELETE = handler({ roles: CLASS_PLAN_ROLES, params }, async ({ user, params }) => deleteClassPlan(user, params.id))

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE'])
