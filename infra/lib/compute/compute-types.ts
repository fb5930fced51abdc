import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import type * as ec2 from 'aws-cdk-lib/aws-ec2'
import type * as ecr from 'aws-cdk-lib/aws-ecr'
import type * as ecs from 'aws-cdk-lib/aws-ecs'
import type * as s3 from 'aws-cdk-lib/aws-s3'
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import type { Config } from '../../config/schema'
import type { SecretName } from '../app-environment'

/** What both compute targets get from the services stack. */
export interface ComputeProps {
  config: Config
  vpc: ec2.IVpc
  servicesSecurityGroup: ec2.ISecurityGroup
  bucket: s3.IBucket
  webRepository: ecr.IRepository
  workerRepository: ecr.IRepository
  secrets: Record<SecretName, secretsmanager.ISecret | undefined>
  /** CLOUDFRONT_KEY_PAIR_ID of the web app (storage stack's media signing key). */
  mediaKeyPairId: string
  cluster: ecs.ICluster
}

/** What the edge and monitoring stacks need from a compute target. */
export interface ComputeOutputs {
  /** Hostname CloudFront forwards app traffic to (HTTPS). */
  webOriginDomain: string
  /** The worker's wake URL as the web app calls it (WORKER_URL). */
  workerUrl: string
  metrics: {
    requests: cloudwatch.IMetric
    errors5xx: cloudwatch.IMetric
    /** p99 response time in seconds. */
    latencyP99Seconds: cloudwatch.IMetric
  }
  /** Where the worker's JSON logs land (render-duration and dead-letter metric filters). */
  workerLogGroupName: string
  webLogGroupName: string
}

/** Resolves a container's secret names to the secrets, failing synth on a missing one. */
export function resolveSecrets(
  wanted: Record<string, SecretName>, secrets: ComputeProps['secrets'],
): Record<string, secretsmanager.ISecret> {
  return Object.fromEntries(Object.entries(wanted).map(([envName, name]) => {
    const secret = secrets[name]
    if (!secret) throw new Error(`${envName} needs the ${name} secret, which this environment does not create`)
    return [envName, secret]
  }))
}

