import { getSignedUrl } from '@aws-sdk/cloudfront-signer'
import { assertSafeKey } from '@/lib/shared/validation/storage-key'

/** CloudFront in front of the bucket: media paths on the distribution are the object keys. */
export interface CdnSigning {
  /** The distribution's origin, e.g. https://bachata.example.com (no trailing slash needed). */
  baseUrl: string
  /** The CloudFront public key's id (its key group is the media behaviours' trusted signer). */
  keyPairId: string
  /** PEM private key matching that public key. */
  privateKey: string
  /** How long a link plays: a practice session, so the player rarely has to refresh one. */
  ttlSeconds: number
}

/**
 * A CloudFront signed URL (canned policy: this one URL, until now + ttl) for an object key.
 * @aws-sdk/cloudfront-signer builds the policy, RSA-signs it and encodes it CloudFront's way.
 */
export function signCdnUrl(cdn: CdnSigning, key: string, now = Date.now()): string {
  assertSafeKey(key)
  const path = key.split('/').map(encodeURIComponent).join('/')
  return getSignedUrl({
    url: `${cdn.baseUrl.replace(/\/+$/, '')}/${path}`,
    keyPairId: cdn.keyPairId,
    privateKey: cdn.privateKey,
    dateLessThan: new Date(now + cdn.ttlSeconds * 1000),
  })
}
