// Imported first by worker/main.ts: the shared logger reads SERVICE_NAME when it is created,
// and ES modules evaluate in import order.
process.env.SERVICE_NAME ??= 'worker'
