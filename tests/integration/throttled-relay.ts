import net from 'node:net'

/**
 * A TCP relay in front of a real server that forwards what clients send at a fixed rate, so
 * a write to that server takes long enough for a test to stop the server in the middle of it.
 * Answers flow back unthrottled. When the server's side of a connection ends or fails, the
 * client's side is destroyed too: the client sees the outage as it would without the relay.
 */
export interface ThrottledRelay {
  url: string
  /** Resolves once one connection has carried `bytes` towards the server. */
  uploaded(bytes: number): Promise<void>
  close(): Promise<void>
}

export async function startThrottledRelay(o: { targetPort: number; bytesPerSecond: number }): Promise<ThrottledRelay> {
  const waiters: { bytes: number; resolve: () => void }[] = []
  const sockets = new Set<net.Socket>()
  const tickMs = 50
  const perTick = Math.max(1, Math.floor((o.bytesPerSecond * tickMs) / 1000))
  const server = net.createServer((down) => {
    const up = net.connect(o.targetPort, '127.0.0.1')
    sockets.add(down).add(up)
    let sent = 0
    let pending = Buffer.alloc(0)
    const kill = () => {
      clearInterval(timer)
      down.destroy()
      up.destroy()
    }
    const timer = setInterval(() => {
      if (!pending.length) return
      const chunk = pending.subarray(0, perTick)
      pending = pending.subarray(chunk.length)
      up.write(chunk)
      sent += chunk.length
      for (const w of waiters.splice(0)) if (sent >= w.bytes) w.resolve(); else waiters.push(w)
      if (!pending.length) down.resume()
    }, tickMs)
    down.on('data', (d: Buffer) => {
      pending = Buffer.concat([pending, d])
      if (pending.length > perTick * 4) down.pause()
    })
    up.on('data', (d: Buffer) => down.write(d))
    for (const s of [down, up]) {
      s.on('error', kill)
      s.on('close', kill)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    uploaded: (bytes) => new Promise((resolve) => waiters.push({ bytes, resolve })),
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
