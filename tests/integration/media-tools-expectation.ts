import { expect } from 'vitest'
import { findMediaTool, type MediaToolName } from '@/lib/engines/media/find-media-tools'

/**
 * What a health report must say about ffmpeg/ffprobe: the binary this test process finds
 * itself with the same PATH and settings as the servers it started, with a version. CI's
 * bare-PATH stage also pins the source (EXPECT_MEDIA_SOURCE=npm-package), so a fallback that
 * quietly stopped working cannot pass as "found on PATH".
 */
export function expectedMediaTool(name: MediaToolName) {
  const tool = findMediaTool(name)
  if (!tool.found) throw new Error(tool.problem)
  if (process.env.EXPECT_MEDIA_SOURCE) expect(tool.source).toBe(process.env.EXPECT_MEDIA_SOURCE)
  return { found: true, source: tool.source, path: tool.path, version: expect.stringMatching(/^\S+$/) }
}
