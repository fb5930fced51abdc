import { Annotations, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins'
import * as s3 from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import type { Config } from '../../config/schema'
import { MEDIA_PREFIXES } from './storage-stack'

export interface EdgeStackProps extends StackProps {
  config: Config
  webOriginDomain: string
  bucketName: string
  bucketRegionalDomainName: string
  /** The trusted signer of media URLs (storage stack; the web app signs with its key). */
  mediaKeyGroup: cloudfront.IKeyGroup
}


/**
 * CloudFront in front of everything users fetch:
 *   /_next/static/*  content-hashed file names: cached a year
 *   /api/*           never cached; every viewer header but Host goes to the app
 *   media prefixes   from S3 through origin access control, signed URLs only (trusted key group)
 *   everything else  HTML: at most 5 minutes. Session pages answer `no-store` and are never
 *                    kept; Next's RSC headers are part of the key so a page and its RSC
 *                    payload are cached apart.
 */
export class EdgeStack extends Stack {
  readonly distribution: cloudfront.Distribution

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props)
    const { config } = props
    const app = new origins.HttpOrigin(props.webOriginDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      readTimeout: Duration.seconds(60),
    })
    const allViewer = cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER

    const staticPolicy = new cloudfront.CachePolicy(this, 'StaticAssets', {
      comment: 'Next.js hashed assets: one year',
      minTtl: Duration.days(365), defaultTtl: Duration.days(365), maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true,
    })
    const htmlPolicy = new cloudfront.CachePolicy(this, 'Html', {
      comment: 'HTML: at most 5 minutes; origin no-store wins',
      minTtl: Duration.seconds(0), defaultTtl: Duration.minutes(5), maxTtl: Duration.minutes(5),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('RSC', 'Next-Router-Prefetch', 'Next-Router-State-Tree', 'Next-Url'),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true,
    })

    // Imported by name: the bucket policy that admits CloudFront lives with the bucket
    // (storage stack), so this stack doesn't have to edit it (that would be a cycle).
    const bucket = s3.Bucket.fromBucketAttributes(this, 'MediaBucket', {
      bucketName: props.bucketName, bucketRegionalDomainName: props.bucketRegionalDomainName,
    })
    const media = origins.S3BucketOrigin.withOriginAccessControl(bucket, {
      originAccessLevels: [cloudfront.AccessLevel.READ],
    })
    const mediaBehavior: cloudfront.BehaviorOptions = {
      origin: media,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      trustedKeyGroups: [props.mediaKeyGroup],
    }

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${config.name}: app, static assets and media`,
      ...(config.domain ? {
        domainNames: config.domain.names,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', config.domain.certificateArn),
        // Only with an own certificate: the default *.cloudfront.net one has a fixed policy.
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      } : {}),
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: app,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: htmlPolicy,
        originRequestPolicy: allViewer,
        compress: true,
      },
      additionalBehaviors: {
        '/_next/static/*': {
          origin: app,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: staticPolicy,
          compress: true,
        },
        '/api/*': {
          origin: app,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: allViewer,
        },
        ...Object.fromEntries(MEDIA_PREFIXES.map((p) => [`/${p}*`, mediaBehavior])),
      },
    })
    Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'the storage stack writes the bucket policy statement (CloudFrontReadsMedia)')
    new CfnOutput(this, 'DistributionDomain', { value: this.distribution.distributionDomainName })
  }
}
