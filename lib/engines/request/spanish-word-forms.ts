/**
 * Other forms a Spanish word may take in the lexicon: diminutives ("pegaditos" → "pegadito",
 * "pegados"; "suavecito" → "suave"), plurals ("relajadas" → "relajada") and the other
 * gender ("tranquilas" → "tranquilo"). Candidates only: a form counts when the lexicon has
 * it. Basic rules, no dictionary: "basic Spanish" is what the parser promises.
 */
export function spanishWordForms(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return []
  const out: string[] = []
  const add = (w: string) => { if (w.length >= 3 && w !== word && !out.includes(w)) out.push(w) }
  // Plural → singular: "relajados" → "relajado", "alegres" → "alegre", "suaves" → "suave".
  const singular = word.endsWith('es') ? [word.slice(0, -2), word.slice(0, -1)] : word.endsWith('s') ? [word.slice(0, -1)] : [word]
  for (const s of singular) {
    if (s !== word) add(s)
    // Gender: "tranquila" ↔ "tranquilo".
    if (s.endsWith('a')) add(`${s.slice(0, -1)}o`)
    if (s.endsWith('o')) add(`${s.slice(0, -1)}a`)
    // Diminutives: -ito/-ita ("pegadito" → "pegado"), -cito/-cita ("suavecito" → "suave"),
    // -ecito ("lentecito" → "lento"), -illo ("rapidillo" → "rapido").
    const dim = /^(.+?)(ec|c)?(it|ill)([oa])$/.exec(s)
    if (dim) {
      const [, stem, c, , g] = dim
      if (c) add(stem + (c === 'ec' ? 'e' : ''))
      if (c === 'ec') add(`${stem}o`)
      add(stem + g)
      add(`${stem}o`)
      add(`${stem}e`)
      // The "c" may belong to the stem: "despacito" → "despacio", "poquito" stays unmatched.
      if (c === 'c') { add(`${stem}c${g}`); add(`${stem}cio`) }
    }
  }
  return out
}
