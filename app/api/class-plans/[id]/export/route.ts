import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { exportClassPlan } from '@/lib/services/class-plans/export-class-plan'
import { handler } from '@/lib/shared/http/handler'
import { ClassPlanParamsSchema } from '@/lib/shared/validation/class-plans'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The plan as a JSON file download (Content-Disposition: attachment). */
export const GET = handler({ roles: CLASS_PLAN_ROLES, params: ClassPlanParamsSchema }, async ({ user, params }) => exportClassPlan(user, params.id))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
