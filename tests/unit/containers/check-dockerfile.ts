import { Arg, DockerfileParser, Env, From, ModifiableInstruction, type Instruction, type Property } from 'dockerfile-ast'

/**
 * The rules every image of this project keeps, checked on the parsed Dockerfile (dockerfile-ast,
 * the parser behind the Dockerfile language server): each returns the problems it finds, so
 * the test can show them and can prove on a bad Dockerfile that each rule fires.
 */
export interface Stage {
  name: string | null
  /** `FROM x`: an image, or an earlier stage's name. */
  from: string
  fromStage: Stage | null
  instructions: Instruction[]
}

export function readStages(text: string): Stage[] {
  const stages: Stage[] = []
  for (const ins of DockerfileParser.parse(text).getInstructions()) {
    if (ins instanceof From) {
      const from = ins.getImage() ?? ''
      stages.push({ name: ins.getBuildStage(), from, fromStage: stages.find((s) => s.name === from) ?? null, instructions: [] })
    } else stages.at(-1)?.instructions.push(ins)
  }
  return stages
}

const text = (ins: Instruction) => ins.getArgumentsContent() ?? ''
/** The instruction's text with its flags (`--from=…`), which the argument text leaves out. */
export function rawText(ins: Instruction): string {
  const flags = ins instanceof ModifiableInstruction ? ins.getFlags().map((f) => `--${f.getName()}=${f.getValue() ?? ''} `).join('') : ''
  return `${flags}${text(ins)}`
}
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword)

/** A base image is a digest, or an exact release tag (x.y.z…), never `latest` or a moving
 * major tag such as `20-bookworm-slim`. */
export function unpinnedBases(stages: Stage[]): string[] {
  return stages.filter((s) => !s.fromStage).map((s) => s.from).filter((image) => {
    if (/@sha256:[0-9a-f]{64}$/.test(image)) return false
    const tag = image.split('/').at(-1)!.split(':')[1]
    return !tag || !/^v?\d+\.\d+\.\d+([-.][\w.-]+)?$/.test(tag)
  }).map((image) => `base image not pinned to a digest or exact tag: ${image}`)
}

export function finalStage(stages: Stage[]): Stage {
  return stages.at(-1)!
}

/** The user the final stage's process runs as: its last USER must name neither root nor uid 0. */
export function runsAsRoot(stages: Stage[]): string[] {
  const user = of(finalStage(stages), 'USER').at(-1)
  if (!user) return ['the final stage has no USER: it would run as root']
  const name = text(user).split(':')[0]
  return name === 'root' || name === '0' ? [`the final stage runs as ${name}`] : []
}

export function healthcheckProblems(stages: Stage[]): string[] {
  const hc = of(finalStage(stages), 'HEALTHCHECK').at(-1)
  if (!hc) return ['the final stage has no HEALTHCHECK']
  return /^(--\S+\s+)*NONE\b/i.test(text(hc)) ? ['the HEALTHCHECK is NONE'] : []
}

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|ACCESS_KEY/i

/** ENV or ARG with a secret-looking name that carries a value, in any stage (build stages end
 * up in the image history and the layer cache too), or a .env file copied in. */
export function secretProblems(stages: Stage[]): string[] {
  const problems: string[] = []
  for (const stage of stages) {
    for (const ins of stage.instructions) {
      const keyword = ins.getKeyword()
      const properties: (Property | null)[] = ins instanceof Env ? ins.getProperties() : ins instanceof Arg ? [ins.getProperty()] : []
      for (const p of properties) {
        const value = (p?.getUnescapedValue() ?? '').replace(/^(["'])(.*)\1$/, '$2')
        if (p && SECRET_NAME.test(p.getName()) && value !== '') problems.push(`${keyword} ${p.getName()} holds a value`)
      }
      if ((keyword === 'COPY' || keyword === 'ADD') && /(^|\s|\/)\.env(\.|\s|$)/.test(rawText(ins))) problems.push(`${keyword} copies a .env file`)
    }
  }
  return problems
}

/** An install that keeps dev dependencies: `npm ci`/`npm install` without --omit=dev. */
const devInstall = (ins: Instruction) =>
  ins.getKeyword() === 'RUN' && /\bnpm\s+(ci|install|i)\b/.test(text(ins)) && !/--omit[= ]dev|--production\b/.test(text(ins))

function hasDevInstall(stage: Stage | null): boolean {
  return !!stage && (stage.instructions.some(devInstall) || hasDevInstall(stage.fromStage))
}

/**
 * No dev dependencies in the final stage: it runs no install that keeps them, builds FROM no
 * stage that did, and copies no whole node_modules (or the whole app) out of such a stage.
 * What it may copy from one: build outputs, such as Next's standalone trace, and the closure
 * copies of scripts/copy-package-closure.ts (production dependencies only).
 */
export function devDependencyProblems(stages: Stage[]): string[] {
  const final = finalStage(stages)
  const problems: string[] = []
  if (final.instructions.some(devInstall)) problems.push('the final stage installs with dev dependencies')
  if (hasDevInstall(final.fromStage)) problems.push(`the final stage builds FROM ${final.from}, which installed dev dependencies`)
  for (const copy of of(final, 'COPY')) {
    const parts = rawText(copy).split(/\s+/)
    const source = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length)
    const stage = stages.find((s) => s.name === source)
    if (!stage || !hasDevInstall(stage)) continue
    const paths = parts.filter((p) => !p.startsWith('--')).slice(0, -1)
    for (const p of paths) {
      if (/(^|\/)node_modules\/?$/.test(p) || /^(\.|\/|\/app)\/?$/.test(p)) problems.push(`COPY --from=${source} ${p}: a dev install's node_modules`)
    }
  }
  return problems
}

export function commandOf(stages: Stage[]): string {
  return text(of(finalStage(stages), 'CMD').at(-1)!)
}
