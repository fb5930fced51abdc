import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as ecr from 'aws-cdk-lib/aws-ecr'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as s3 from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import type { Config } from '../../config/schema'

/** What CloudFront serves from the bucket (edge stack's media behaviours). */
export const MEDIA_PREFIXES = ['outputs/', 'posters/', 'clips/', 'songs/'] as const

export interface StorageStackProps extends StackProps { config: Config }

/**
 * The media bucket (clips/ songs/ uploads/ outputs/ posters/, the layout of
 * lib/shared/storage) and the two image repositories. Nothing here is public: browsers get
 * media through CloudFront (edge stack) or short-lived signed URLs.
 */
export class StorageStack extends Stack {
  readonly bucket: s3.Bucket
  readonly webRepository: ecr.Repository
  readonly workerRepository: ecr.Repository
  /** Trusted signer of the media behaviours (edge stack). Here, not in the edge stack, because
   * the web app signs with its key pair id and the edge stack depends on the services stack. */
  readonly mediaKeyGroup: cloudfront.KeyGroup
  /** CLOUDFRONT_KEY_PAIR_ID: the public key's id. */
  readonly mediaKeyPairId: string

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props)
    const { storage } = props.config
    this.bucket = new s3.Bucket(this, 'MediaBucket', {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        // Overwritten renders and replaced uploads keep an old version for undo, not forever.
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(storage.noncurrentVersionDays), abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // A video is watched in its first days; after that it is kept but rarely read.
        {
          id: 'outputs-to-infrequent-access', prefix: 'outputs/',
          transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(storage.outputsToInfrequentAccessDays) }],
        },
      ],
      // Browsers PUT uploads straight to S3 with a presigned URL and read media with ranges.
      cors: [{
        allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
        allowedOrigins: storage.corsOrigins,
        allowedHeaders: ['content-type', 'content-length', 'content-md5', 'x-amz-*', 'range'],
        exposedHeaders: ['etag', 'content-length', 'content-range', 'accept-ranges'],
        maxAge: 3600,
      }],
    })

    // CloudFront (origin access control) may read the media prefixes, nothing else, and only
    // for distributions of this account: naming the one distribution would make this stack
    // depend on the edge stack, which depends on this bucket.
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudFrontReadsMedia',
      principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: MEDIA_PREFIXES.map((p) => this.bucket.arnForObjects(`${p}*`)),
      conditions: { StringLike: { 'AWS:SourceArn': `arn:${this.partition}:cloudfront::${this.account}:distribution/*` } },
    }))

    const publicKey = new cloudfront.PublicKey(this, 'MediaSigningKey', {
      encodedKey: props.config.cloudFrontPublicKeyPem,
      comment: 'verifies signed media URLs',
    })
    this.mediaKeyGroup = new cloudfront.KeyGroup(this, 'MediaKeyGroup', { items: [publicKey] })
    this.mediaKeyPairId = publicKey.publicKeyId
    new CfnOutput(this, 'MediaKeyPairId', { value: publicKey.publicKeyId, description: 'CloudFront key pair id for signing media URLs' })

    const repository = (id: string, name: string) => new ecr.Repository(this, id, {
      repositoryName: `${props.config.name}-${name}`,
      // A tag names one image forever: a deploy is reproducible and a rollback is a tag.
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      imageScanOnPush: true,
      encryption: ecr.RepositoryEncryption.AES_256,
      lifecycleRules: [{ description: 'keep the last 30 images', maxImageCount: 30 }],
      removalPolicy: RemovalPolicy.RETAIN,
    })
    this.webRepository = repository('WebRepository', 'web')
    this.workerRepository = repository('WorkerRepository', 'worker')
  }
}
