/**
 * How dancers say things versus how the library is annotated. General word vectors barely
 * relate "twirl" to "turn" (cosine 0.05) or "vueltas" to anything, so query words are mapped
 * onto the library's own terms before embedding. Keys are lowercase single words or
 * space-separated phrases; values are the canonical words they add.
 * It is applied to queries only (documents are embedded as written), so editing it never
 * requires re-embedding the library.
 */

export const DANCE_LEXICON: Record<string, string[]> = {
  // turns and spins
  twirl: ['turn'], twirls: ['turn'], twirling: ['turn'], twirled: ['turn'], vuelta: ['turn'], vueltas: ['turn'],
  turns: ['turn'], turning: ['turn'], pirouette: ['spin'], pirouettes: ['spin'], spins: ['spin'], spinning: ['spin'],
  twice: ['double'], 'two turns': ['double', 'turn'], 'three turns': ['triple', 'turn'], 'three times': ['triple'],
  thrice: ['triple'], several: ['multiple'], many: ['multiple'], lots: ['multiple'],
  // dips and drops
  drop: ['dip'], drops: ['dip'], dips: ['dip'], dipping: ['dip'], 'lean back': ['dip'], lean: ['dip'],
  // closeness and mood
  close: ['sensual', 'embrace'], closer: ['sensual', 'embrace'], intimate: ['sensual', 'embrace'],
  tight: ['embrace'], hug: ['embrace'], cuddly: ['cuddle'], sweetheart: ['cuddle'], wrap: ['cuddle'],
  sexy: ['sensual'], sultry: ['sensual'], romance: ['romantic'], love: ['romantic'],
  // footwork
  shines: ['footwork'], shine: ['footwork'], steps: ['footwork'], zapateo: ['footwork', 'dominican'],
  taconeo: ['footwork', 'heels'], syncopation: ['footwork', 'syncopation'], syncopations: ['footwork', 'syncopation'],
  feet: ['footwork'], 'fancy feet': ['footwork'],
  // difficulty
  easy: ['beginner'], simple: ['beginner'], beginners: ['beginner'], newbie: ['beginner'], novice: ['beginner'],
  basic: ['beginner', 'basic'], starter: ['beginner'], 'first time': ['beginner'],
  hard: ['advanced'], difficult: ['advanced'], tricky: ['advanced'], complex: ['advanced'],
  challenging: ['advanced'], showy: ['advanced'], improver: ['intermediate'], improvers: ['intermediate'],
  // energy and tempo
  fast: ['energetic', 'fast'], quick: ['energetic', 'fast'], upbeat: ['energetic'], lively: ['energetic'],
  powerful: ['energetic'], explosive: ['energetic'], energy: ['energetic'],
  slow: ['slow', 'calm'], calm: ['slow', 'calm'], gentle: ['slow', 'smooth'], chill: ['slow', 'smooth'],
  relaxed: ['slow', 'smooth'], soft: ['smooth'], flowing: ['smooth'],
  // body movement
  wave: ['body', 'wave'], waves: ['body', 'wave'], 'body roll': ['body', 'wave'], 'body rolls': ['body', 'wave'],
  undulation: ['body', 'wave'], hip: ['hips'], 'hip roll': ['hips', 'roll'], 'hair flip': ['head', 'roll', 'hair'],
  // accents, breaks, framing
  stomp: ['golpe', 'accent'], stomps: ['golpe', 'accent'], hit: ['golpe', 'accent'], hits: ['golpe', 'accent'],
  accents: ['accent'], punch: ['golpe', 'accent'], freeze: ['freeze', 'pause'], pause: ['pause', 'freeze'],
  ending: ['outro', 'ending'], finish: ['outro', 'ending'], finale: ['outro', 'ending'], final: ['outro', 'ending'],
  end: ['outro', 'ending'], opener: ['intro', 'start'], opening: ['intro', 'start'], start: ['intro', 'start'],
  entrance: ['intro', 'start'],
  // who is asking
  'never danced': ['beginner'], 'first dance': ['beginner', 'romantic', 'slow'], wedding: ['beginner', 'romantic', 'slow'],
  // transitions
  'get into': ['entry'], enter: ['entry'], entering: ['entry'], 'get out of': ['exit'], leave: ['exit'],
  // holds and figures
  cbl: ['cross', 'body', 'lead'], 'cross body': ['cross', 'body', 'lead'], behind: ['shadow'],
  arms: ['arms', 'styling'], hands: ['arms'], styling: ['styling'],
  traditional: ['traditional', 'dominican'], dominican: ['dominican', 'traditional'], urban: ['moderna'],
  modern: ['moderna'],
}

/** Longest phrase length in the lexicon, so the tokenizer knows how far to look ahead. */
export const LEXICON_MAX_PHRASE = Math.max(...Object.keys(DANCE_LEXICON).map((k) => k.split(' ').length))
