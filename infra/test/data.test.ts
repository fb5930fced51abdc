import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS } from './helpers'

describe.each(TARGETS)('data stack (compute=%s)', (compute) => {
  const prod = () => build('prod', compute).template('data')
  const dev = () => build('dev', compute).template('data')

  it('is Aurora PostgreSQL 15+ Serverless v2, encrypted, 7-day backups, deletion-protected in prod', () => {
    prod().hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EngineVersion: Match.stringLikeRegexp('^(1[5-9]|[2-9]\\d)\\.'),
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      DeletionProtection: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 16 },
    })
  })

  it('has a writer and a reader, both db.serverless (two instances: Aurora spreads them over the AZs)', () => {
    const instances = resourcesOf(prod(), 'AWS::RDS::DBInstance').map(([, r]) => r.Properties)
    expect(instances).toHaveLength(2)
    expect(instances.every((i) => i.DBInstanceClass === 'db.serverless')).toBe(true)
    // Same promotion tier range as the writer: the reader is a failover target that scales with it.
    expect(instances.map((i) => i.PromotionTier).sort()).toEqual([0, 1])
    // Pinned to the VPC's two AZs: the first and second of Fn::GetAZs.
    expect(instances.map((i) => i.AvailabilityZone['Fn::Select'][0]).sort()).toEqual([0, 1])
    const [[, subnets]] = resourcesOf(prod(), 'AWS::RDS::DBSubnetGroup')
    expect(subnets.Properties.SubnetIds).toHaveLength(2)
  })

  it('forces TLS with rds.force_ssl', () => {
    prod().hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Family: Match.stringLikeRegexp('^aurora-postgresql1[5-9]$'), Parameters: { 'rds.force_ssl': '1' } })
  })

  it('admits only the services security group, on 5432', () => {
    const rules = resourcesOf(prod(), 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties)
    expect(rules).toHaveLength(1)
    expect(rules[0]).toMatchObject({ FromPort: 5432, ToPort: 5432, IpProtocol: 'tcp' })
    expect(JSON.stringify(rules[0].SourceSecurityGroupId)).toContain('ServicesSecurityGroup')
    const groups = resourcesOf(prod(), 'AWS::EC2::SecurityGroup').map(([, r]) => r.Properties)
    for (const g of groups) expect(g.SecurityGroupIngress ?? []).toEqual([])
  })

  it('keeps credentials as an RDS-generated JSON secret with separate fields (rotation-ready)', () => {
    prod().hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{"username":"bachata"}', GenerateStringKey: 'password', ExcludeCharacters: Match.stringLikeRegexp('@') }),
    })
    prod().hasResourceProperties('AWS::SecretsManager::SecretTargetAttachment', { TargetType: 'AWS::RDS::DBCluster' })
  })

  it('can rotate the database password on demand, from inside the services security group', () => {
    prod().hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      HostedRotationLambda: Match.objectLike({ RotationType: 'PostgreSQLSingleUser', VpcSecurityGroupIds: Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('ServicesSecurityGroup') }) }),
      RotateImmediatelyOnUpdate: false,
    })
    const [[, schedule]] = resourcesOf(prod(), 'AWS::SecretsManager::RotationSchedule')
    expect(schedule.Properties.RotationRules).toBeUndefined()
  })

  it('creates AUTH_SECRET, WORKER_SECRET and GEMINI_API_KEY as their own generated secrets', () => {
    const secrets = resourcesOf(prod(), 'AWS::SecretsManager::Secret').map(([, r]) => r.Properties)
    for (const name of ['AUTH_SECRET', 'WORKER_SECRET', 'GEMINI_API_KEY']) {
      const s = secrets.find((p) => String(p.Description).includes(name))
      expect(s, name).toBeDefined()
      expect(s!.GenerateSecretString).toBeDefined()
      expect(s!.SecretString).toBeUndefined()
    }
  })

  it('dev scales down to 0 ACU with auto-pause and no deletion protection', () => {
    dev().hasResourceProperties('AWS::RDS::DBCluster', {
      DeletionProtection: false,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 4, SecondsUntilAutoPause: 300 },
    })
  })

  it('exports the postgres log with 30-day retention', () => {
    prod().hasResourceProperties('AWS::RDS::DBCluster', { EnableCloudwatchLogsExports: ['postgresql'] })
    prod().hasResourceProperties('Custom::LogRetention', { RetentionInDays: 30 })
  })
})
