import { App, type Environment, type Stack } from 'aws-cdk-lib'
import type { Config } from '../config/schema'
import { DataStack } from './stacks/data-stack'
import { EdgeStack } from './stacks/edge-stack'
import { MonitoringStack } from './stacks/monitoring-stack'
import { NetworkStack } from './stacks/network-stack'
import { ServicesStack } from './stacks/services-stack'
import { StorageStack } from './stacks/storage-stack'

export interface BachataStacks {
  network: NetworkStack
  data: DataStack
  storage: StorageStack
  services: ServicesStack
  edge: EdgeStack
  monitoring: MonitoringStack
}

/**
 * All six stacks of one environment, in deploy order. Shared by bin/app.ts, the synth script
 * and the tests, so what is tested is what is deployed.
 */
export function buildApp(app: App, config: Config): BachataStacks {
  // The offline CloudFormation schema check that runs at synth: a wrong property name or
  // type fails the synth instead of the deploy.
  app.node.setContext('@aws-cdk/core:validateAgainstDefaultRules', true)
  // Cross-stack references as CloudFormation exports: a stack still in use can't be deleted.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong')
  // No account: env-agnostic stacks (synth needs no credentials); region from config.
  const env: Environment = { region: config.region, ...(config.account ? { account: config.account } : {}) }
  const prefix = config.name
  const props = (description: string) => ({ env, config, description: `Bachata Buddy ${config.name}: ${description}` })
  const network = new NetworkStack(app, `${prefix}-network`, props('VPC, subnets, NAT, S3 endpoint'))
  const storage = new StorageStack(app, `${prefix}-storage`, props('media bucket and image repositories'))
  const data = new DataStack(app, `${prefix}-data`, {
    ...props('Aurora PostgreSQL and the app secrets'),
    vpc: network.vpc, servicesSecurityGroup: network.servicesSecurityGroup,
  })
  const services = new ServicesStack(app, `${prefix}-services`, {
    ...props(`web app and render worker on ${config.compute}`),
    vpc: network.vpc, servicesSecurityGroup: network.servicesSecurityGroup,
    bucket: storage.bucket, webRepository: storage.webRepository, workerRepository: storage.workerRepository,
    secrets: {
      database: data.secret,
      authSecret: data.appSecrets.authSecret,
      geminiApiKey: data.appSecrets.geminiApiKey,
      workerSecret: data.appSecrets.workerSecret,
      metricsToken: data.appSecrets.metricsToken,
      smtpPassword: data.appSecrets.smtpPassword,
      cloudFrontPrivateKey: data.appSecrets.cloudFrontPrivateKey,
    },
    mediaKeyPairId: storage.mediaKeyPairId,
  })
  const edge = new EdgeStack(app, `${prefix}-edge`, {
    ...props('CloudFront'),
    webOriginDomain: services.compute.webOriginDomain,
    bucketName: storage.bucket.bucketName,
    bucketRegionalDomainName: storage.bucket.bucketRegionalDomainName,
    mediaKeyGroup: storage.mediaKeyGroup,
  })
  const monitoring = new MonitoringStack(app, `${prefix}-monitoring`, {
    ...props('alarms and dashboard'), compute: services.compute, cluster: data.cluster,
  })
  return { network, data, storage, services, edge, monitoring }
}

export function stacksOf(s: BachataStacks): Stack[] {
  return [s.network, s.storage, s.data, s.services, s.edge, s.monitoring]
}
