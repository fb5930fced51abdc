import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { App } from 'aws-cdk-lib'
import { loadConfig } from '../config/load-config'
import { buildApp, stacksOf } from '../lib/build-app'

/**
 * Synthesizes every environment for both compute targets into a temp dir, offline, and
 * prints the resource count per stack (what docs/deploy.md quotes). Exits non-zero on any
 * synth error, error or warning annotation, or CloudFormation schema finding.
 */
export function synthCounts(envName: string, compute: 'ecs' | 'apprunner'): Record<string, number> {
  const outdir = mkdtempSync(path.join(tmpdir(), `cdk-${envName}-${compute}-`))
  try {
    const app = new App({ outdir })
    const stacks = stacksOf(buildApp(app, loadConfig(envName, { compute })))
    const assembly = app.synth()
    const counts: Record<string, number> = {}
    for (const stack of stacks) {
      const artifact = assembly.getStackByName(stack.stackName)
      // Warnings count too: each one so far named a real mistake (an ignored setting, a
      // missing policy); acknowledge one in code, with the reason, when it is intended.
      const problems = artifact.messages.filter((m) => m.level === 'error' || m.level === 'warning')
      if (problems.length) throw new Error(`${stack.stackName}: ${problems.map((e) => `${e.level} ${String(e.entry.data)}`).join('; ')}`)
      counts[stack.stackName] = Object.keys(artifact.template.Resources ?? {}).length
    }
    // The CloudFormation schema check's report: any finding, even a warning, fails the check.
    const reportFile = path.join(outdir, 'validation-report.json')
    const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : { pluginReports: [] }
    const findings = (report.pluginReports as { violations?: { ruleName: string; description: string }[] }[])
      .flatMap((p) => p.violations ?? [])
    if (findings.length) throw new Error(`template validation: ${findings.map((v) => `${v.ruleName} ${v.description}`).join('; ')}`)
    return counts
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  for (const envName of process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'prod']) {
    for (const compute of ['ecs', 'apprunner'] as const) {
      const counts = synthCounts(envName, compute)
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      console.log(`${envName} compute=${compute}: ${Object.entries(counts).map(([s, n]) => `${s}=${n}`).join(' ')} total=${total}`)
    }
  }
}
