import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS } from './helpers'

describe.each(TARGETS)('monitoring stack (compute=%s)', (compute) => {
  const t = () => build('prod', compute).template('monitoring')
  const alarms = () => resourcesOf(t(), 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties)
  const alarm = (text: string) => {
    const found = alarms().filter((a) => JSON.stringify(a.AlarmName).includes(text))
    expect(found, text).toHaveLength(1)
    return found[0]
  }

  it('sends every alarm (and its recovery) to one SNS topic with the on-call email', () => {
    t().resourceCountIs('AWS::SNS::Topic', 1)
    t().hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@bachata.example.com' })
    expect(alarms()).toHaveLength(8)
    for (const a of alarms()) {
      expect(a.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^Alarms/) }])
      expect(a.OKActions).toEqual([{ Ref: expect.stringMatching(/^Alarms/) }])
    }
  })

  it('5xx rate: critical above 5 %, warning above 1 %, computed from the target\'s own metrics', () => {
    const critical = alarm('5xx rate above 5 %')
    const warning = alarm('5xx rate above 1 %')
    expect(critical.Threshold).toBe(5)
    expect(warning.Threshold).toBe(1)
    expect(JSON.stringify(critical.AlarmName)).toContain('critical')
    const metrics = JSON.stringify(critical.Metrics)
    expect(metrics).toContain('100 * errors / requests')
    expect(metrics).toContain(compute === 'ecs' ? 'AWS/ApplicationELB' : 'AWS/AppRunner')
    expect(metrics).toContain(compute === 'ecs' ? 'HTTPCode_Target_5XX_Count' : '5xxStatusResponses')
  })

  it('p99 latency above 5 s', () => {
    const a = alarm('p99 latency above 5 s')
    expect(a.Threshold).toBe(5)
    expect(JSON.stringify(a)).toContain(compute === 'ecs' ? 'TargetResponseTime' : 'RequestLatency')
    expect(JSON.stringify(a)).toContain('p99')
  })

  it('Aurora CPU above 80 % (critical) and 60 % (warning), free local storage low', () => {
    expect(alarm('Aurora CPU above 80 %')).toMatchObject({ Threshold: 80, MetricName: 'CPUUtilization', Namespace: 'AWS/RDS' })
    expect(alarm('Aurora CPU above 60 %')).toMatchObject({ Threshold: 60, MetricName: 'CPUUtilization' })
    expect(alarm('free local storage')).toMatchObject({ MetricName: 'FreeLocalStorage', ComparisonOperator: 'LessThanThreshold', Threshold: 5 * 1024 ** 3 })
  })

  it('render duration over 10 min and dead-lettered jobs, from metric filters on the worker log', () => {
    expect(alarm('a render took over 10 min')).toMatchObject({ Threshold: 600, MetricName: 'RenderDurationSeconds', Namespace: 'BachataBuddy/bb-prod', Statistic: 'Maximum' })
    expect(alarm('render jobs dead-lettered')).toMatchObject({ Threshold: 1, MetricName: 'DeadLetteredJobs', ComparisonOperator: 'GreaterThanOrEqualToThreshold' })
    const filters = resourcesOf(t(), 'AWS::Logs::MetricFilter').map(([, f]) => f.Properties)
    expect(filters).toHaveLength(2)
    const dead = filters.find((f) => f.MetricTransformations[0].MetricName === 'DeadLetteredJobs')!
    expect(dead.FilterPattern).toBe('{ $.msg = "dead-lettered render: task FAILED" }')
    const duration = filters.find((f) => f.MetricTransformations[0].MetricName === 'RenderDurationSeconds')!
    expect(duration.FilterPattern).toContain('$.msg = "render finished"')
    expect(duration.MetricTransformations[0].MetricValue).toBe('$.renderSeconds')
    expect(JSON.stringify(dead.LogGroupName)).toContain(compute === 'ecs' ? 'WorkerLogs' : '/aws/apprunner')
  })

  it('has a dashboard', () => {
    t().hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'bb-prod-overview' })
  })
})
