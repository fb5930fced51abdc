import { CLASS_PLAN_ROLES } from '@/lib/services/class-plans/access-class-plan'
import { listPlanSources } from '@/lib/services/class-plans/list-plan-sources'
import { handler } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The choreographies the caller can add to a plan: their own, and shared ones already in their plans. */
export const GET = handler({ roles: CLASS_PLAN_ROLES }, async ({ user }) => listPlanSources(user))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
