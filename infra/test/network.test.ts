import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS } from './helpers'

describe.each(TARGETS)('network stack (compute=%s)', (compute) => {
  const t = () => build('prod', compute).template('network')

  it('is one VPC 10.0.0.0/16 over two AZs with public and private subnets', () => {
    t().resourceCountIs('AWS::EC2::VPC', 1)
    t().hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' })
    const subnets = resourcesOf(t(), 'AWS::EC2::Subnet').map(([, r]) => r.Properties)
    expect(subnets).toHaveLength(4)
    expect(subnets.filter((s) => s.MapPublicIpOnLaunch === true)).toHaveLength(2)
    const azs = new Set(subnets.map((s) => JSON.stringify(s.AvailabilityZone)))
    expect(azs.size).toBe(2)
  })

  it('has NAT egress for the private subnets (one per AZ in prod) and an S3 gateway endpoint', () => {
    t().resourceCountIs('AWS::EC2::NatGateway', 2)
    t().hasResourceProperties('AWS::EC2::Route', { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: Match.anyValue() })
    t().hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['.s3'])]) }),
    })
  })

  it('dev saves money with one NAT gateway', () => {
    build('dev', compute).template('network').resourceCountIs('AWS::EC2::NatGateway', 1)
  })
})
