import { Duration } from 'aws-cdk-lib'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import type * as logs from 'aws-cdk-lib/aws-logs'
import type * as ecr from 'aws-cdk-lib/aws-ecr'
import type { Construct } from 'constructs'
import type { ContainerEnvironment } from '../app-environment'
import { wrapCommand } from '../database-url-command'
import { resolveSecrets, type ComputeProps } from './compute-types'

/** The same probe as the Dockerfiles' HEALTHCHECK (ECS ignores an image's own). */
export function httpHealthCheck(port: number, path: string): ecs.HealthCheck {
  return {
    command: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${port}${path}').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))`],
    interval: Duration.seconds(30), timeout: Duration.seconds(5), startPeriod: Duration.seconds(30), retries: 3,
  }
}

export interface FargateContainerOptions {
  repository: ecr.IRepository
  tag: string
  command: string[]
  environment: ContainerEnvironment
  logGroup: logs.ILogGroup
  port?: number
  healthPath?: string
  stopTimeout?: Duration
}

/**
 * A Fargate task definition with one container from ECR (by exact tag, never built here),
 * started through the DATABASE_URL wrapper, secrets by reference.
 */
export function addFargateTask(
  scope: Construct, id: string, props: ComputeProps, size: { cpu: number; memoryMiB: number },
  taskRole: iam.IRole, o: FargateContainerOptions,
): ecs.FargateTaskDefinition {
  const task = new ecs.FargateTaskDefinition(scope, id, {
    cpu: size.cpu, memoryLimitMiB: size.memoryMiB, taskRole,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  })
  task.addContainer('app', {
    image: ecs.ContainerImage.fromEcrRepository(o.repository, o.tag),
    command: wrapCommand(o.command),
    environment: o.environment.plain,
    secrets: Object.fromEntries(Object.entries(resolveSecrets(o.environment.secrets, props.secrets))
      .map(([name, secret]) => [name, ecs.Secret.fromSecretsManager(secret)])),
    logging: ecs.LogDrivers.awsLogs({ logGroup: o.logGroup, streamPrefix: id.toLowerCase() }),
    ...(o.port ? { portMappings: [{ containerPort: o.port }] } : {}),
    ...(o.port && o.healthPath ? { healthCheck: httpHealthCheck(o.port, o.healthPath) } : {}),
    ...(o.stopTimeout ? { stopTimeout: o.stopTimeout } : {}),
    readonlyRootFilesystem: false,
    user: '10001',
  })
  return task
}
