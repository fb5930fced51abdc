import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { APP_RUNNER_SIZES } from '../config/schema'
import { build, resourcesOf } from './helpers'

const t = () => build('prod', 'apprunner').template('services')
const service = (name: string) => resourcesOf(t(), 'AWS::AppRunner::Service').find(([, r]) => r.Properties.ServiceName === name)![1].Properties
const scaling = (name: string) => resourcesOf(t(), 'AWS::AppRunner::AutoScalingConfiguration').find(([, r]) => r.Properties.AutoScalingConfigurationName === name)![1].Properties

describe('services stack, compute=apprunner', () => {
  it('has a web and a worker service from ECR by tag, no ECS service and no Express service', () => {
    t().resourceCountIs('AWS::AppRunner::Service', 2)
    t().resourceCountIs('AWS::ECS::ExpressGatewayService', 0)
    t().resourceCountIs('AWS::ECS::Service', 0)
    for (const name of ['bb-prod-web', 'bb-prod-worker']) {
      const repo = service(name).SourceConfiguration.ImageRepository
      expect(repo.ImageRepositoryType).toBe('ECR')
      expect(JSON.stringify(repo.ImageIdentifier)).toContain(':v0.1.0')
      expect(service(name).SourceConfiguration.AutoDeploymentsEnabled).toBe(false)
    }
  })

  it('sizes both on valid App Runner CPU/memory pairs', () => {
    for (const name of ['bb-prod-web', 'bb-prod-worker']) {
      const { Cpu, Memory } = service(name).InstanceConfiguration
      expect(APP_RUNNER_SIZES[Cpu], `${name} ${Cpu}`).toContain(Memory)
    }
    expect(service('bb-prod-web').InstanceConfiguration).toMatchObject({ Cpu: '1 vCPU', Memory: '2 GB' })
  })

  it('scales web 1–10 and the worker one request per instance', () => {
    expect(scaling('bb-prod-web')).toMatchObject({ MinSize: 1, MaxSize: 10 })
    expect(scaling('bb-prod-worker')).toMatchObject({ MinSize: 1, MaxSize: 3, MaxConcurrency: 1 })
  })

  it('leaves through a VPC connector in the private subnets with the services security group', () => {
    t().hasResourceProperties('AWS::AppRunner::VpcConnector', {
      Subnets: Match.arrayWith([Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('privateSubnet') })]),
      SecurityGroups: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('ServicesSecurityGroup') })],
    })
    for (const name of ['bb-prod-web', 'bb-prod-worker']) {
      expect(service(name).NetworkConfiguration.EgressConfiguration).toMatchObject({ EgressType: 'VPC', VpcConnectorArn: expect.anything() })
    }
  })

  it('references secrets by ARN, never plain, and does not set the reserved PORT', () => {
    const expected: Record<string, string[]> = {
      'bb-prod-web': ['AUTH_SECRET', 'CLOUDFRONT_PRIVATE_KEY', 'DB_SECRET', 'GEMINI_API_KEY', 'METRICS_TOKEN', 'WORKER_SECRET'],
      'bb-prod-worker': ['DB_SECRET', 'WORKER_SECRET'],
    }
    for (const [name, secrets] of Object.entries(expected)) {
      const image = service(name).SourceConfiguration.ImageRepository.ImageConfiguration
      expect(image.RuntimeEnvironmentSecrets.map((s: any) => s.Name).sort()).toEqual(secrets)
      const plain = image.RuntimeEnvironmentVariables.map((v: any) => v.Name)
      for (const s of secrets) expect(plain).not.toContain(s)
      expect(plain).not.toContain('PORT')
      expect(image.StartCommand).toMatch(/^sh -c '/)
    }
    expect(service('bb-prod-web').SourceConfiguration.ImageRepository.ImageConfiguration.Port).toBe('3000')
    expect(service('bb-prod-worker').SourceConfiguration.ImageRepository.ImageConfiguration.Port).toBe('8080')
  })

  it('points the web app at the worker service URL and health-checks both', () => {
    const env = service('bb-prod-web').SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables
    const workerUrl = env.find((v: any) => v.Name === 'WORKER_URL').Value
    expect(workerUrl).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/WorkerService/), 'ServiceUrl'] }]] })
    // Liveness paths: neither touches the database, so health checks don't keep Aurora awake.
    expect(service('bb-prod-web').HealthCheckConfiguration).toMatchObject({ Protocol: 'HTTP', Path: '/api/health/live' })
    expect(service('bb-prod-worker').HealthCheckConfiguration).toMatchObject({ Protocol: 'HTTP', Path: '/health/live' })
  })

  it('renders inside the wake request: the worker in request mode, within App Runner\'s 120 s request limit', () => {
    const env = (name: string) => Object.fromEntries(service(name).SourceConfiguration.ImageRepository.ImageConfiguration
      .RuntimeEnvironmentVariables.map((v: any) => [v.Name, v.Value]))
    const worker = env('bb-prod-worker')
    expect(worker.WORKER_MODE).toBe('request')
    const budget = Number(worker.WORKER_REQUEST_BUDGET_SECONDS)
    const wakeTimeout = Number(env('bb-prod-web').WORKER_WAKE_TIMEOUT_SECONDS)
    // The worker answers (and releases what it could not finish) before the web app gives up
    // on the wake, and both before App Runner ends the request.
    expect(budget).toBeGreaterThan(0)
    expect(wakeTimeout).toBeGreaterThan(budget)
    expect(wakeTimeout).toBeLessThan(120)
    // The compiled worker, run by plain node: no tsx at run time.
    expect(service('bb-prod-worker').SourceConfiguration.ImageRepository.ImageConfiguration.StartCommand).toMatch(/ node --enable-source-maps dist\/worker\/main\.js$/)
  })

  it('keeps App Runner\'s own log groups (and the migration task\'s) 30 days', () => {
    const retention = resourcesOf(t(), 'Custom::LogRetention').map(([, r]) => r.Properties)
    expect(retention).toHaveLength(4)
    for (const r of retention) expect(r.RetentionInDays).toBe(30)
    expect(JSON.stringify(retention)).toContain('/aws/apprunner')
    for (const [, g] of resourcesOf(t(), 'AWS::Logs::LogGroup')) expect(g.Properties.RetentionInDays).toBe(30)
  })

  it('still has the one-shot migration task (on the shared ECS cluster)', () => {
    const migrate = resourcesOf(t(), 'AWS::ECS::TaskDefinition')
    expect(migrate).toHaveLength(1)
    expect(migrate[0][1].Properties.ContainerDefinitions[0].Command.slice(-4)).toEqual(['node', 'node_modules/prisma/build/index.js', 'migrate', 'deploy'])
  })
})
