/**
 * Prisma's `contains` becomes SQL LIKE without escaping its operand, so a typed `%` or `_`
 * would match anything. Escaped with Postgres's default LIKE escape (backslash), the text
 * matches literally.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
