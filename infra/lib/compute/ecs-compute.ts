import { Duration, Fn } from 'aws-cdk-lib'
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as logs from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import {
  WEB_HEALTH_PATH, WEB_PORT, WORKER_HEALTH_PATH, WORKER_PORT, WORKER_STOP_TIMEOUT_SECONDS, webEnvironment, workerEnvironment,
} from '../app-environment'
import { wrapCommand } from '../database-url-command'
import { addFargateTask } from './container-parts'
import { resolveSecrets, type ComputeOutputs, type ComputeProps } from './compute-types'
import { hostnameOf } from './hostname-of'
import { grantMediaAccess } from './media-access'
import { WAKER_CODE } from './worker-waker-code'

export interface EcsComputeProps extends ComputeProps {
  webTaskRole: iam.Role
  workerTaskRole: iam.Role
  webLogGroup: logs.ILogGroup
  workerLogGroup: logs.ILogGroup
}

/**
 * compute: 'ecs'. The web app on ECS Express Mode (AWS::ECS::ExpressGatewayService: ECS
 * runs the load balancer, certificate and target-tracking scaling for it). The worker is a
 * Fargate service kept at zero tasks: the wake URL (a Lambda function URL, waker code in
 * worker-waker-code.ts) raises it to one; a CPU-idle alarm brings it back to zero, so an idle
 * night costs no compute and holds no database connection (Aurora can pause).
 * Why not a Lambda running the worker image: Lambda injects no secrets as environment
 * (the secret values would sit in plain env), stops at 15 minutes (RENDER_TIMEOUT_SECONDS is
 * 30) and needs the Lambda runtime API in the image; docs/deploy.md has the comparison.
 */
export class EcsCompute extends Construct implements ComputeOutputs {
  readonly webOriginDomain: string
  readonly workerUrl: string
  readonly metrics: ComputeOutputs['metrics']
  readonly workerLogGroupName: string
  readonly webLogGroupName: string
  readonly webService: ecs.CfnExpressGatewayService
  readonly workerService: ecs.FargateService

  constructor(scope: Construct, id: string, props: EcsComputeProps) {
    super(scope, id)
    const { config } = props
    this.webLogGroupName = props.webLogGroup.logGroupName
    this.workerLogGroupName = props.workerLogGroup.logGroupName
    grantMediaAccess(props.webTaskRole, props.bucket, 'web')
    grantMediaAccess(props.workerTaskRole, props.bucket, 'worker')

    // Worker first: the web app's WORKER_URL is the waker's URL.
    const workerTask = addFargateTask(this, 'WorkerTask', props, config.worker.fargate, props.workerTaskRole, {
      repository: props.workerRepository, tag: config.images.workerTag, command: config.images.workerCommand,
      environment: workerEnvironment(config, { bucketName: props.bucket.bucketName }),
      logGroup: props.workerLogGroup, port: WORKER_PORT, healthPath: WORKER_HEALTH_PATH,
      stopTimeout: Duration.seconds(WORKER_STOP_TIMEOUT_SECONDS),
    })
    this.workerService = new ecs.FargateService(this, 'WorkerService', {
      cluster: props.cluster,
      taskDefinition: workerTask,
      desiredCount: 0,
      minHealthyPercent: 0,
      maxHealthyPercent: 200,
      securityGroups: [props.servicesSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      circuitBreaker: { rollback: true },
    })
    this.addIdleScaleIn(props)
    this.workerUrl = this.addWaker(props)

    // The web app.
    const executionRole = new iam.Role(this, 'WebExecutionRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonECSTaskExecutionRolePolicy')],
    })
    props.webRepository.grantPull(executionRole)
    const webEnv = webEnvironment(config, { bucketName: props.bucket.bucketName, workerUrl: this.workerUrl, mediaKeyPairId: props.mediaKeyPairId })
    const webSecrets = resolveSecrets(webEnv.secrets, props.secrets)
    for (const secret of Object.values(webSecrets)) secret.grantRead(executionRole)
    const infrastructureRole = new iam.Role(this, 'WebInfrastructureRole', {
      assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonECSInfrastructureRoleforExpressGatewayServices')],
    })
    const publicSubnets = props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PUBLIC }).subnetIds
    this.webService = new ecs.CfnExpressGatewayService(this, 'WebService', {
      serviceName: `${config.name}-web`,
      cluster: props.cluster.clusterName,
      cpu: String(config.web.fargate.cpu),
      memory: String(config.web.fargate.memoryMiB),
      executionRoleArn: executionRole.roleArn,
      taskRoleArn: props.webTaskRole.roleArn,
      infrastructureRoleArn: infrastructureRole.roleArn,
      healthCheckPath: WEB_HEALTH_PATH,
      // Public subnets: Express Mode makes the load balancer internet-facing there; CloudFront
      // is the address users get (edge stack).
      networkConfiguration: { subnets: publicSubnets, securityGroups: [props.servicesSecurityGroup.securityGroupId] },
      scalingTarget: {
        minTaskCount: config.web.minInstances, maxTaskCount: config.web.maxInstances,
        autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60,
      },
      primaryContainer: {
        image: props.webRepository.repositoryUriForTag(config.images.webTag),
        containerPort: WEB_PORT,
        command: wrapCommand(config.images.webCommand),
        environment: Object.entries(webEnv.plain).map(([name, value]) => ({ name, value })),
        secrets: Object.entries(webSecrets).map(([name, secret]) => ({ name, valueFrom: secret.secretArn })),
        awsLogsConfiguration: { logGroup: props.webLogGroup.logGroupName, logStreamPrefix: 'web' },
      },
    })
    this.webService.node.addDependency(executionRole, infrastructureRole)
    this.webOriginDomain = hostnameOf(this.webService.attrEndpoint)

    // ALB metrics of the load balancer Express Mode made: its dimension is the ARN's tail.
    const loadBalancer = Fn.select(1, Fn.split('loadbalancer/', this.webService.attrEcsManagedResourceArnsIngressPathLoadBalancerArn))
    const alb = (metricName: string, statistic: string) => new cloudwatch.Metric({
      namespace: 'AWS/ApplicationELB', metricName, dimensionsMap: { LoadBalancer: loadBalancer }, statistic, period: Duration.minutes(5),
    })
    this.metrics = {
      requests: alb('RequestCount', 'Sum'),
      errors5xx: new cloudwatch.MathExpression({
        expression: 'FILL(target5xx, 0) + FILL(elb5xx, 0)', label: '5xx responses', period: Duration.minutes(5),
        usingMetrics: { target5xx: alb('HTTPCode_Target_5XX_Count', 'Sum'), elb5xx: alb('HTTPCode_ELB_5XX_Count', 'Sum') },
      }),
      latencyP99Seconds: alb('TargetResponseTime', 'p99'),
    }
  }

  /** Near-zero CPU for N minutes → zero tasks. A render keeps ffmpeg busy, so it never looks idle. */
  private addIdleScaleIn(props: EcsComputeProps): void {
    const target = new appscaling.ScalableTarget(this, 'WorkerScaling', {
      serviceNamespace: appscaling.ServiceNamespace.ECS,
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.cluster.clusterName}/${this.workerService.serviceName}`,
      minCapacity: 0,
      maxCapacity: props.config.worker.maxInstances,
    })
    const scaleIn = new appscaling.StepScalingAction(this, 'WorkerIdleScaleIn', {
      scalingTarget: target,
      adjustmentType: appscaling.AdjustmentType.EXACT_CAPACITY,
      cooldown: Duration.minutes(1),
    })
    scaleIn.addAdjustment({ adjustment: 0, upperBound: 0 })
    const minutes = props.config.worker.idleMinutesBeforeScaleIn
    const idle = new cloudwatch.Alarm(this, 'WorkerIdleAlarm', {
      alarmDescription: `worker idle for ${minutes} min: scale to zero`,
      metric: this.workerService.metricCpuUtilization({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: minutes,
      datapointsToAlarm: minutes,
      // No tasks → no data → not idle-alarming: the alarm fires once per run, after it.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    })
    idle.addAlarmAction(new cwActions.ApplicationScalingAction(scaleIn))
  }

  private addWaker(props: EcsComputeProps): string {
    const workerSecret = props.secrets.workerSecret!
    const logGroup = new logs.LogGroup(this, 'WakerLogs', { retention: logs.RetentionDays.ONE_MONTH })
    const fn = new lambda.Function(this, 'WorkerWaker', {
      description: 'POST /jobs/wake: starts the render worker (ECS service 0 → 1)',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(WAKER_CODE),
      timeout: Duration.seconds(10),
      memorySize: 256,
      logGroup,
      // Names and ARNs only: the secret's value is read at run time, never put in env.
      environment: {
        CLUSTER_ARN: props.cluster.clusterArn,
        SERVICE_NAME: this.workerService.serviceName,
        WORKER_SECRET_ARN: workerSecret.secretArn,
      },
    })
    workerSecret.grantRead(fn)
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['ecs:DescribeServices', 'ecs:UpdateService'],
      resources: [this.workerService.serviceArn],
    }))
    // The worker's contract already authenticates with x-worker-secret; IAM auth would need
    // the web app to SigV4-sign the call.
    const url = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE })
    // Function URLs end in '/'; WORKER_URL is a base the app resolves '/jobs/wake' against.
    return url.url
  }
}

