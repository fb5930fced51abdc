/**
 * `bachata-<song-title>-<task id>.<ext>`: ASCII only, so it survives every browser and
 * Content-Disposition parser, and no title can inject quotes, slashes or header breaks.
 */
export function downloadFilename(songTitle: string, taskId: string, ext: 'mp4' | 'jpg'): string {
  const slug = songTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
  const id = taskId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)
  return `bachata-${slug || 'choreography'}-${id}.${ext}`
}
