import { Stack, type StackProps } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import type { Construct } from 'constructs'
import type { Config } from '../../config/schema'

export interface NetworkStackProps extends StackProps { config: Config }

/**
 * The VPC: public subnets for load balancers and NAT, private ones (with NAT egress) for
 * tasks, the database and App Runner's VPC connector. S3 traffic takes the free gateway
 * endpoint instead of the NAT (renders move hundreds of MB).
 * `servicesSecurityGroup` is the one group every compute resource wears; the database
 * admits only it.
 */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc
  readonly servicesSecurityGroup: ec2.SecurityGroup

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props)
    const { network } = props.config
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(network.cidr),
      // Explicit AZ names would need a lookup; maxAzs keeps synth offline and env-agnostic.
      maxAzs: network.maxAzs,
      natGateways: network.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    })
    this.servicesSecurityGroup = new ec2.SecurityGroup(this, 'ServicesSecurityGroup', {
      vpc: this.vpc,
      description: 'Bachata Buddy web, worker and migration tasks',
      allowAllOutbound: true,
    })
  }
}
