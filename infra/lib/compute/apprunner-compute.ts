import { Duration, Fn } from 'aws-cdk-lib'
import * as apprunner from 'aws-cdk-lib/aws-apprunner'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import {
  WEB_HEALTH_PATH, WEB_PORT, WORKER_HEALTH_PATH, WORKER_PORT, webEnvironment, workerEnvironment, type ContainerEnvironment,
} from '../app-environment'
import { wrapCommandString } from '../database-url-command'
import { resolveSecrets, type ComputeOutputs, type ComputeProps } from './compute-types'
import { grantMediaAccess } from './media-access'

/**
 * compute: 'apprunner' (the brief's original design, for accounts that still have App Runner;
 * it closed to new customers on 30 April 2026). Web: 1–10 instances. Worker: its own service
 * that App Runner keeps provisioned but CPU-less while no request is in flight (billed for
 * memory only), one request per instance. Both leave through a VPC connector, so the
 * database stays private. App Runner reserves PORT: the port is part of the image config.
 */
export class AppRunnerCompute extends Construct implements ComputeOutputs {
  readonly webOriginDomain: string
  readonly workerUrl: string
  readonly metrics: ComputeOutputs['metrics']
  readonly workerLogGroupName: string
  readonly webLogGroupName: string
  readonly webService: apprunner.CfnService
  readonly workerService: apprunner.CfnService

  constructor(scope: Construct, id: string, props: ComputeProps) {
    super(scope, id)
    const { config } = props
    const accessRole = new iam.Role(this, 'EcrAccessRole', {
      assumedBy: new iam.ServicePrincipal('build.apprunner.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSAppRunnerServicePolicyForECRAccess')],
    })
    props.webRepository.grantPull(accessRole)
    props.workerRepository.grantPull(accessRole)
    const connector = new apprunner.CfnVpcConnector(this, 'VpcConnector', {
      subnets: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds,
      securityGroups: [props.servicesSecurityGroup.securityGroupId],
    })

    const service = (name: 'web' | 'worker', o: {
      env: ContainerEnvironment; port: number; healthPath: string; command: string[]; tag: string
      size: { cpu: string; memory: string }; scaling: { min: number; max: number; concurrency: number }
    }) => {
      const instanceRole = new iam.Role(this, `${cap(name)}InstanceRole`, { assumedBy: new iam.ServicePrincipal('tasks.apprunner.amazonaws.com') })
      grantMediaAccess(instanceRole, props.bucket, name)
      const secrets = resolveSecrets(o.env.secrets, props.secrets)
      for (const secret of Object.values(secrets)) secret.grantRead(instanceRole)
      const scaling = new apprunner.CfnAutoScalingConfiguration(this, `${cap(name)}Scaling`, {
        autoScalingConfigurationName: `${config.name}-${name}`,
        minSize: o.scaling.min, maxSize: o.scaling.max, maxConcurrency: o.scaling.concurrency,
      })
      const repository = name === 'web' ? props.webRepository : props.workerRepository
      const { PORT: _reserved, ...plain } = o.env.plain
      return new apprunner.CfnService(this, `${cap(name)}Service`, {
        serviceName: `${config.name}-${name}`,
        sourceConfiguration: {
          autoDeploymentsEnabled: false,
          authenticationConfiguration: { accessRoleArn: accessRole.roleArn },
          imageRepository: {
            imageRepositoryType: 'ECR',
            imageIdentifier: repository.repositoryUriForTag(o.tag),
            imageConfiguration: {
              port: String(o.port),
              startCommand: wrapCommandString(o.command),
              runtimeEnvironmentVariables: Object.entries(plain).map(([n, value]) => ({ name: n, value })),
              // App Runner takes a whole secret per variable (no JSON-key selector): the
              // database JSON goes in as DB_SECRET and the wrapper builds DATABASE_URL.
              runtimeEnvironmentSecrets: Object.entries(secrets).map(([n, secret]) => ({ name: n, value: secret.secretArn })),
            },
          },
        },
        instanceConfiguration: { cpu: o.size.cpu, memory: o.size.memory, instanceRoleArn: instanceRole.roleArn },
        healthCheckConfiguration: { protocol: 'HTTP', path: o.healthPath, interval: 10, timeout: 5, healthyThreshold: 1, unhealthyThreshold: 5 },
        networkConfiguration: {
          egressConfiguration: { egressType: 'VPC', vpcConnectorArn: connector.attrVpcConnectorArn },
          // Public: CloudFront (web) and the web app via NAT (worker, secret-guarded) call them.
          ingressConfiguration: { isPubliclyAccessible: true },
        },
        autoScalingConfigurationArn: scaling.attrAutoScalingConfigurationArn,
      })
    }

    this.workerService = service('worker', {
      env: workerEnvironment(config, { bucketName: props.bucket.bucketName }), port: WORKER_PORT, healthPath: WORKER_HEALTH_PATH,
      command: config.images.workerCommand, tag: config.images.workerTag, size: config.worker.appRunner,
      // One render per instance: App Runner gives an instance CPU only while its request runs.
      scaling: { min: 1, max: config.worker.maxInstances, concurrency: 1 },
    })
    this.workerUrl = Fn.join('', ['https://', this.workerService.attrServiceUrl])
    this.webService = service('web', {
      env: webEnvironment(config, { bucketName: props.bucket.bucketName, workerUrl: this.workerUrl, mediaKeyPairId: props.mediaKeyPairId }), port: WEB_PORT,
      healthPath: WEB_HEALTH_PATH, command: config.images.webCommand, tag: config.images.webTag, size: config.web.appRunner,
      scaling: { min: config.web.minInstances, max: config.web.maxInstances, concurrency: 100 },
    })
    this.webOriginDomain = this.webService.attrServiceUrl

    // App Runner makes its own log groups, named by service id: keep them 30 days too.
    const logGroupOf = (svc: apprunner.CfnService, kind: string) =>
      Fn.join('/', ['/aws/apprunner', svc.serviceName!, svc.attrServiceId, kind])
    this.webLogGroupName = logGroupOf(this.webService, 'application')
    this.workerLogGroupName = logGroupOf(this.workerService, 'application')
    for (const [svcId, svc] of [['Web', this.webService], ['Worker', this.workerService]] as const) {
      for (const kind of ['application', 'service']) {
        new logs.LogRetention(this, `${svcId}${cap(kind)}LogRetention`, {
          logGroupName: logGroupOf(svc, kind), retention: logs.RetentionDays.ONE_MONTH,
        })
      }
    }

    const metric = (metricName: string, statistic: string) => new cloudwatch.Metric({
      namespace: 'AWS/AppRunner', metricName, statistic, period: Duration.minutes(5),
      dimensionsMap: { ServiceName: this.webService.serviceName!, ServiceID: this.webService.attrServiceId },
    })
    this.metrics = {
      requests: metric('Requests', 'Sum'),
      errors5xx: metric('5xxStatusResponses', 'Sum'),
      latencyP99Seconds: new cloudwatch.MathExpression({
        expression: 'ms / 1000', label: 'p99 latency (s)', period: Duration.minutes(5),
        usingMetrics: { ms: metric('RequestLatency', 'p99') },
      }),
    }
  }
}

function cap(s: string): string { return s[0].toUpperCase() + s.slice(1) }
