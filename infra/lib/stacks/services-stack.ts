import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as logs from 'aws-cdk-lib/aws-logs'
import type { Construct } from 'constructs'
import { AppRunnerCompute } from '../compute/apprunner-compute'
import type { ComputeOutputs, ComputeProps } from '../compute/compute-types'
import { addFargateTask } from '../compute/container-parts'
import { EcsCompute } from '../compute/ecs-compute'

/** What the compute targets need, less the cluster, which this stack makes for both. */
export interface ServicesStackProps extends StackProps, Omit<ComputeProps, 'cluster'> {}

/**
 * The web app and the render worker on the configured compute target, plus what both
 * targets share: the ECS cluster and the one-shot migration task (`prisma migrate deploy`,
 * run by the release, never by instances at boot).
 */
export class ServicesStack extends Stack {
  readonly compute: ComputeOutputs
  readonly cluster: ecs.Cluster
  readonly migrateTask: ecs.FargateTaskDefinition

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props)
    const { config } = props
    this.cluster = new ecs.Cluster(this, 'Cluster', { vpc: props.vpc, containerInsightsV2: ecs.ContainerInsights.DISABLED })
    const common = { ...props, cluster: this.cluster }
    const logGroup = (id: string) => new logs.LogGroup(this, id, { retention: logs.RetentionDays.ONE_MONTH })

    if (config.compute === 'ecs') {
      const taskRole = (id: string) => new iam.Role(this, id, { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') })
      this.compute = new EcsCompute(this, 'Ecs', {
        ...common,
        webTaskRole: taskRole('WebTaskRole'), workerTaskRole: taskRole('WorkerTaskRole'),
        webLogGroup: logGroup('WebLogs'), workerLogGroup: logGroup('WorkerLogs'),
      })
    } else {
      this.compute = new AppRunnerCompute(this, 'AppRunner', common)
    }

    // Migrations: the web image (it carries prisma/ and the CLI), the web's database secret,
    // no bucket access, no other secret.
    const migrateRole = new iam.Role(this, 'MigrateTaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') })
    this.migrateTask = addFargateTask(this, 'MigrateTask', common, { cpu: 512, memoryMiB: 1024 }, migrateRole, {
      repository: props.webRepository, tag: config.images.migrateTag ?? config.images.webTag, command: config.images.migrateCommand,
      environment: { plain: { NODE_ENV: 'production', SERVICE_NAME: 'migrate', LOG_LEVEL: 'info' }, secrets: { DB_SECRET: 'database' } },
      logGroup: logGroup('MigrateLogs'),
    })

    const privateSubnets = props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds
    new CfnOutput(this, 'MigrateCommand', {
      description: 'Run before shifting traffic to a release with new migrations (docs/deploy.md)',
      value: [
        'aws ecs run-task --launch-type FARGATE',
        `--cluster ${this.cluster.clusterName}`,
        `--task-definition ${this.migrateTask.taskDefinitionArn}`,
        `--network-configuration awsvpcConfiguration={subnets=[${privateSubnets.join(',')}],securityGroups=[${props.servicesSecurityGroup.securityGroupId}],assignPublicIp=DISABLED}`,
      ].join(' '),
    })
    new CfnOutput(this, 'WorkerUrl', { value: this.compute.workerUrl })
    new CfnOutput(this, 'WebOrigin', { value: this.compute.webOriginDomain })
  }
}
