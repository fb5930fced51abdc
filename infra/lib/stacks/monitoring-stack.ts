import { Duration, Stack, type StackProps } from 'aws-cdk-lib'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as rds from 'aws-cdk-lib/aws-rds'
import * as sns from 'aws-cdk-lib/aws-sns'
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions'
import type { Construct } from 'constructs'
import type { Config } from '../../config/schema'
import type { ComputeOutputs } from '../compute/compute-types'

export interface MonitoringStackProps extends StackProps {
  config: Config
  compute: ComputeOutputs
  cluster: rds.IDatabaseCluster
}

/**
 * The worker's custom metrics, made from its JSON log lines by metric filters (so the worker
 * needs no CloudWatch client and an idle worker sends nothing):
 *   RenderDurationSeconds  from `{"msg":"render finished","renderSeconds":N}`: wall time of one
 *                          render, logged by lib/services/render-jobs/process-render-job.ts
 *   DeadLetteredJobs       1 per `{"msg":"dead-lettered render: task FAILED"}` (logged today by
 *                          lib/services/render-jobs/handle-dead-letter.ts)
 */
export const customMetricNamespace = (config: Config) => `BachataBuddy/${config.name}`
export const RENDER_FINISHED_MSG = 'render finished'
export const DEAD_LETTER_MSG = 'dead-lettered render: task FAILED'

export class MonitoringStack extends Stack {
  readonly topic: sns.Topic

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props)
    const { config, compute, cluster } = props
    this.topic = new sns.Topic(this, 'Alarms', { displayName: `${config.name} alarms`, enforceSSL: true })
    if (config.monitoring.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(config.monitoring.alarmEmail))
    const action = new cwActions.SnsAction(this.topic)
    const alarm = (id: string, severity: 'critical' | 'warning', o: Omit<cloudwatch.AlarmProps, 'alarmName'>) => {
      const a = new cloudwatch.Alarm(this, id, { ...o, alarmName: `${config.name} ${severity}: ${o.alarmDescription}` })
      a.addAlarmAction(action)
      a.addOkAction(action)
      return a
    }

    const errorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)', label: '5xx rate (%)', period: Duration.minutes(5),
      usingMetrics: { errors: compute.metrics.errors5xx, requests: compute.metrics.requests },
    })
    const gt = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD
    const notBreaching = cloudwatch.TreatMissingData.NOT_BREACHING
    alarm('Error5xxCritical', 'critical', { metric: errorRate, threshold: 5, comparisonOperator: gt, evaluationPeriods: 2, treatMissingData: notBreaching, alarmDescription: '5xx rate above 5 %' })
    alarm('Error5xxWarning', 'warning', { metric: errorRate, threshold: 1, comparisonOperator: gt, evaluationPeriods: 3, treatMissingData: notBreaching, alarmDescription: '5xx rate above 1 %' })
    alarm('LatencyP99', 'warning', { metric: compute.metrics.latencyP99Seconds, threshold: 5, comparisonOperator: gt, evaluationPeriods: 3, treatMissingData: notBreaching, alarmDescription: 'p99 latency above 5 s' })

    const cpu = cluster.metricCPUUtilization({ period: Duration.minutes(5) })
    alarm('DatabaseCpuCritical', 'critical', { metric: cpu, threshold: 80, comparisonOperator: gt, evaluationPeriods: 3, treatMissingData: notBreaching, alarmDescription: 'Aurora CPU above 80 %' })
    alarm('DatabaseCpuWarning', 'warning', { metric: cpu, threshold: 60, comparisonOperator: gt, evaluationPeriods: 3, treatMissingData: notBreaching, alarmDescription: 'Aurora CPU above 60 %' })
    const freeStorage = cluster.metric('FreeLocalStorage', { statistic: 'Minimum', period: Duration.minutes(5) })
    alarm('DatabaseFreeStorage', 'critical', {
      metric: freeStorage, threshold: config.monitoring.freeStorageBytes, comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2, treatMissingData: notBreaching, alarmDescription: 'Aurora free local storage low',
    })

    // Custom metrics from the worker's logs.
    const namespace = customMetricNamespace(config)
    const workerLogs = logs.LogGroup.fromLogGroupName(this, 'WorkerLogs', compute.workerLogGroupName)
    const renderDuration = new logs.MetricFilter(this, 'RenderDurationFilter', {
      logGroup: workerLogs, metricNamespace: namespace, metricName: 'RenderDurationSeconds',
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.msg', '=', RENDER_FINISHED_MSG),
        logs.FilterPattern.exists('$.renderSeconds'),
      ),
      metricValue: '$.renderSeconds', unit: cloudwatch.Unit.SECONDS,
    }).metric({ statistic: 'Maximum', period: Duration.minutes(5) })
    const deadLettered = new logs.MetricFilter(this, 'DeadLetterFilter', {
      logGroup: workerLogs, metricNamespace: namespace, metricName: 'DeadLetteredJobs',
      filterPattern: logs.FilterPattern.stringValue('$.msg', '=', DEAD_LETTER_MSG),
      metricValue: '1', defaultValue: 0, unit: cloudwatch.Unit.COUNT,
    }).metric({ statistic: 'Sum', period: Duration.minutes(5) })
    alarm('RenderDuration', 'warning', { metric: renderDuration, threshold: 600, comparisonOperator: gt, evaluationPeriods: 1, treatMissingData: notBreaching, alarmDescription: 'a render took over 10 min' })
    alarm('DeadLetteredJobs', 'critical', {
      metric: deadLettered, threshold: 1, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1, treatMissingData: notBreaching, alarmDescription: 'render jobs dead-lettered',
    })

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${config.name}-overview`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'Requests', left: [compute.metrics.requests], width: 8 }),
          new cloudwatch.GraphWidget({ title: '5xx rate (%)', left: [errorRate], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'p99 latency (s)', left: [compute.metrics.latencyP99Seconds], width: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Aurora CPU (%)', left: [cpu], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Aurora capacity (ACU)', left: [cluster.metric('ServerlessDatabaseCapacity', { statistic: 'Average' })], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Aurora free local storage', left: [freeStorage], width: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Render duration (s, max)', left: [renderDuration], width: 12 }),
          new cloudwatch.GraphWidget({ title: 'Dead-lettered jobs', left: [deadLettered], width: 12 }),
        ],
      ],
    })
  }
}
