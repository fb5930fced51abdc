/** One outgoing message: plain text always (every client reads it), HTML optional. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html?: string
}
