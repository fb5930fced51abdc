import { App } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { loadConfig } from '../config/load-config'
import { buildApp } from '../lib/build-app'
import { describe, expect, it } from 'vitest'
import { build, resourcesOf } from './helpers'

const t = () => build('prod', 'ecs').template('services')
const express = () => resourcesOf(t(), 'AWS::ECS::ExpressGatewayService')[0][1].Properties
const taskDefs = (): Record<string, any>[] => resourcesOf(t(), 'AWS::ECS::TaskDefinition').map(([id, r]) => ({ id, ...r.Properties }))
const workerTask = () => taskDefs().find((d) => d.id.startsWith('EcsWorkerTask'))!

describe('services stack, compute=ecs', () => {
  it('runs the web app on ECS Express Mode from the ECR tag, 1–10 tasks, health-checked', () => {
    t().resourceCountIs('AWS::ECS::ExpressGatewayService', 1)
    const web = express()
    expect(web).toMatchObject({
      Cpu: '1024', Memory: '2048', HealthCheckPath: '/api/health/live',
      ScalingTarget: { MinTaskCount: 1, MaxTaskCount: 10 },
      PrimaryContainer: { ContainerPort: 3000 },
    })
    expect(JSON.stringify(web.PrimaryContainer.Image)).toContain(':v0.1.0')
    expect(JSON.stringify(web.PrimaryContainer.Image)).toContain('WebRepository')
    t().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })] },
      ManagedPolicyArns: [Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices'])]) })],
    })
  })

  it('injects the web secrets by ARN, never as plain values', () => {
    const c = express().PrimaryContainer
    const secretNames = c.Secrets.map((s: any) => s.Name).sort()
    expect(secretNames).toEqual(['AUTH_SECRET', 'CLOUDFRONT_PRIVATE_KEY', 'DB_SECRET', 'GEMINI_API_KEY', 'METRICS_TOKEN', 'WORKER_SECRET'])
    for (const s of c.Secrets) expect(JSON.stringify(s.ValueFrom)).toMatch(/ExportsOutputRef.*(Secret|Key)/)
    const plainNames = c.Environment.map((e: any) => e.Name)
    for (const n of secretNames) expect(plainNames).not.toContain(n)
    expect(plainNames).not.toContain('DATABASE_URL')
  })

  it('runs the compiled worker in poll mode (a task that lives only while there is work), health-checked without the database', () => {
    const c = workerTask().ContainerDefinitions[0]
    expect(c.Command.slice(-3)).toEqual(['node', '--enable-source-maps', 'dist/worker/main.js'])
    expect(c.Environment).toEqual(expect.arrayContaining([{ Name: 'WORKER_MODE', Value: 'poll' }]))
    expect(c.HealthCheck.Command.join(' ')).toContain('/health/live')
    expect(express().PrimaryContainer.Environment).toEqual(expect.arrayContaining([{ Name: 'WORKER_WAKE_TIMEOUT_SECONDS', Value: '30' }]))
  })

  it('starts every container through the DATABASE_URL wrapper in front of the image command', () => {
    expect(express().PrimaryContainer.Command.slice(0, 2)).toEqual(['sh', '-c'])
    // The web image's CMD (Dockerfile): server.js once per vCPU.
    expect(express().PrimaryContainer.Command.slice(-3)).toEqual(['node', 'serve-web.mjs', 'server.js'])
    for (const d of taskDefs()) expect(d.ContainerDefinitions[0].Command.slice(0, 2)).toEqual(['sh', '-c'])
  })

  it('keeps the worker at zero tasks, in private subnets, with the services security group', () => {
    t().hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 0, LaunchType: 'FARGATE',
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED', Subnets: Match.arrayWith([Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('privateSubnet') })]) }) },
    })
    const worker = workerTask()
    expect(worker).toMatchObject({ Cpu: '2048', Memory: '4096', RequiresCompatibilities: ['FARGATE'] })
    const c = worker.ContainerDefinitions[0]
    expect(c.StopTimeout).toBe(120)
    expect(c.Secrets.map((s: any) => s.Name).sort()).toEqual(['DB_SECRET', 'WORKER_SECRET'])
    expect(JSON.stringify(c.Image)).toContain(':v0.1.0')
  })

  it('scales the worker back to zero after 15 idle minutes', () => {
    t().hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 0, MaxCapacity: 3, ScalableDimension: 'ecs:service:DesiredCount' })
    t().hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      StepScalingPolicyConfiguration: Match.objectLike({ AdjustmentType: 'ExactCapacity', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: 0 }] }),
    })
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', ComparisonOperator: 'LessThanThreshold', Threshold: 2,
      EvaluationPeriods: 15, DatapointsToAlarm: 15, TreatMissingData: 'notBreaching',
      AlarmActions: [Match.objectLike({ Ref: Match.stringLikeRegexp('WorkerIdleScaleIn') })],
    })
  })

  it('wakes the worker through a function URL that can only read its secret and touch the worker service', () => {
    t().hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' })
    t().hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Environment: { Variables: { CLUSTER_ARN: Match.anyValue(), SERVICE_NAME: Match.anyValue(), WORKER_SECRET_ARN: Match.anyValue() } },
    })
    const waker = resourcesOf(t(), 'AWS::IAM::Policy').find(([id]) => id.startsWith('EcsWorkerWakerServiceRole'))![1]
    const statements = waker.Properties.PolicyDocument.Statement
    expect(statements.flatMap((s: any) => [s.Action].flat()).sort()).toEqual(
      ['ecs:DescribeServices', 'ecs:UpdateService', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'])
    const ecsStmt = statements.find((s: any) => [s.Action].flat().includes('ecs:UpdateService'))
    expect(ecsStmt.Resource).toEqual({ Ref: expect.stringMatching(/^EcsWorkerService/) })
    const web = express().PrimaryContainer.Environment.find((e: any) => e.Name === 'WORKER_URL')
    expect(web.Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^EcsWorkerWakerFunctionUrl/), 'FunctionUrl'] })
  })

  it('has a one-shot migration task (prisma migrate deploy) with only the database secret', () => {
    const migrate = taskDefs().find((d) => d.id.startsWith('MigrateTask'))!
    const c = migrate.ContainerDefinitions[0]
    expect(c.Command.slice(-4)).toEqual(['node', 'node_modules/prisma/build/index.js', 'migrate', 'deploy'])
    expect(c.Secrets.map((s: any) => s.Name)).toEqual(['DB_SECRET'])
    expect(JSON.stringify(c.Image)).toContain('WebRepository')
    t().hasOutput('MigrateCommand', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) })
  })

  it('lets a release move the migration task to the new image before the web app (migrateTag)', () => {
    const app = build('prod', 'ecs')
    expect(app.config.images.migrateTag).toBeUndefined()
    const staged = loadConfig('prod', { migrateTag: 'v0.2.0' })
    expect(staged.images).toMatchObject({ webTag: 'v0.1.0', migrateTag: 'v0.2.0' })
    const t2 = Template.fromStack(buildApp(new App(), staged).services)
    const defs = Object.entries(t2.findResources('AWS::ECS::TaskDefinition'))
    const image = (prefix: string) => JSON.stringify(defs.find(([id]) => id.startsWith(prefix))![1].Properties.ContainerDefinitions[0].Image)
    expect(image('MigrateTask')).toContain(':v0.2.0')
    expect(JSON.stringify(resourcesOf(t2, 'AWS::ECS::ExpressGatewayService')[0][1].Properties.PrimaryContainer.Image)).toContain(':v0.1.0')
  })

  it('keeps every log group for 30 days', () => {
    const groups = resourcesOf(t(), 'AWS::Logs::LogGroup')
    expect(groups.length).toBeGreaterThanOrEqual(4)
    for (const [, g] of groups) expect(g.Properties.RetentionInDays).toBe(30)
  })
})
