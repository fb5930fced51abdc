import * as iam from 'aws-cdk-lib/aws-iam'
import type * as s3 from 'aws-cdk-lib/aws-s3'

/**
 * Least privilege on the media bucket, by key prefix, as the code stands:
 *   web     uploads/ songs/ clips/ posters/: read, write, delete (song upload, move ingest);
 *           outputs/: read (signed URLs) and delete (deleting a choreography), never write.
 *   worker  clips/ songs/: read; outputs/ posters/: read (the "already rendered" check) + write.
 * Neither may touch anything else, nor change the bucket. ListBucket is scoped the same way
 * (without it a missing key answers 403 instead of 404, which storage.head() reads as an error).
 */
export type MediaRole = 'web' | 'worker'

interface PrefixGrant { prefixes: string[]; actions: string[] }

export const MEDIA_GRANTS: Record<MediaRole, PrefixGrant[]> = {
  web: [
    { prefixes: ['uploads/', 'songs/', 'clips/', 'posters/'], actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
    { prefixes: ['outputs/'], actions: ['s3:GetObject', 's3:DeleteObject'] },
  ],
  worker: [
    { prefixes: ['clips/', 'songs/'], actions: ['s3:GetObject'] },
    { prefixes: ['outputs/', 'posters/'], actions: ['s3:GetObject', 's3:PutObject'] },
  ],
}

export function grantMediaAccess(role: iam.IRole, bucket: s3.IBucket, who: MediaRole): void {
  const grants = MEDIA_GRANTS[who]
  for (const g of grants) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: g.actions,
      resources: g.prefixes.map((p) => bucket.arnForObjects(`${p}*`)),
    }))
  }
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': grants.flatMap((g) => g.prefixes.map((p) => `${p}*`)) } },
  }))
}
