#!/usr/bin/env node
import { App } from 'aws-cdk-lib'
import { loadConfig } from '../config/load-config'
import { buildApp } from '../lib/build-app'

/**
 * `npx cdk synth -c env=prod [-c compute=apprunner] [-c webTag=v1.2.3 -c workerTag=v1.2.3 -c migrateTag=v1.2.3]`
 * (docs/deploy.md). Context values only: nothing is looked up in an AWS account.
 */
const app = new App()
const context = (key: string): string | undefined => app.node.tryGetContext(key) ?? undefined
const config = loadConfig(context('env') ?? 'dev', {
  compute: context('compute'), webTag: context('webTag'), workerTag: context('workerTag'), migrateTag: context('migrateTag'), account: context('account'),
})
buildApp(app, config)
app.synth()
