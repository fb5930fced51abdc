import { ConfigSchema, type Config, type ConfigInput } from './schema'
import { dev } from './dev'
import { prod } from './prod'

const ENVIRONMENTS: Record<string, ConfigInput> = { dev, prod }

/** Overrides given on the command line (`cdk synth -c compute=apprunner -c webTag=v1.2.3`). */
export interface ConfigOverrides {
  compute?: string
  webTag?: string
  workerTag?: string
  migrateTag?: string
  account?: string
}

export function loadConfig(envName: string, overrides: ConfigOverrides = {}): Config {
  const base = ENVIRONMENTS[envName]
  if (!base) throw new Error(`Unknown environment "${envName}": one of ${Object.keys(ENVIRONMENTS).join(', ')}`)
  const input: ConfigInput = {
    ...base,
    ...(overrides.compute ? { compute: overrides.compute as Config['compute'] } : {}),
    ...(overrides.account ? { account: overrides.account } : {}),
    images: {
      ...base.images,
      ...(overrides.webTag ? { webTag: overrides.webTag } : {}),
      ...(overrides.workerTag ? { workerTag: overrides.workerTag } : {}),
      ...(overrides.migrateTag ? { migrateTag: overrides.migrateTag } : {}),
    },
  }
  const parsed = ConfigSchema.safeParse(input)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid infra config "${envName}":\n${lines.join('\n')}`)
  }
  return parsed.data
}
