/** A vocabulary value as words: "cross-body-lead" → "cross body lead". */
export const vocabularyLabel = (value: string) => value.replaceAll('-', ' ')
