import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { loadConfig } from '../config/load-config'
import type { Config } from '../config/schema'
import { buildApp, type BachataStacks } from '../lib/build-app'

export type Compute = Config['compute']
export const TARGETS: Compute[] = ['ecs', 'apprunner']

export interface Built {
  config: Config
  stacks: BachataStacks
  template: (name: keyof BachataStacks) => Template
}

const cache = new Map<string, Built>()

/** One synthesized environment per (env, compute), shared by the tests of a file. */
export function build(envName: 'dev' | 'prod', compute: Compute): Built {
  const key = `${envName}:${compute}`
  const hit = cache.get(key)
  if (hit) return hit
  const config = loadConfig(envName, { compute })
  const stacks = buildApp(new App(), config)
  const templates = new Map<string, Template>()
  const built: Built = {
    config,
    stacks,
    template: (name) => {
      if (!templates.has(name)) templates.set(name, Template.fromStack(stacks[name]))
      return templates.get(name)!
    },
  }
  cache.set(key, built)
  return built
}

/** Resources of one type as [logicalId, resource] pairs. */
export function resourcesOf(t: Template, type: string): [string, { Properties: Record<string, any> }][] {
  return Object.entries(t.findResources(type)) as [string, { Properties: Record<string, any> }][]
}
