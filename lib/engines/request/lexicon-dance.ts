import type { Family } from '@/lib/engines/dance/vocabulary'
import type { LexCue, LexRow } from './lexicon-types'

/**
 * Dance words (English and basic Spanish, accents stripped) → vocabulary values.
 * Longest phrase wins when several start at the same word, so "multiple spins" beats
 * "multiple" and "nothing fancy" beats "nothing".
 */
const fam = (family: Family, name?: string): LexCue[] => [name ? { type: 'family', family, name } : { type: 'family', family }]

export const FAMILY_ROWS: LexRow[] = [
  ['basic|basics|basic step|basic steps|side basic|side basics|paso basico|pasos basicos|basico|basicos', fam('basic')],
  ['box step|box steps|box basic', fam('basic', 'box step')],
  ['cross body lead|cross body leads|cross body|cross bodies|cbl|cbls', fam('cross-body-lead')],
  ['turn|turns|twirl|twirls|lady turn|lady turns|ladies turn|ladies turns|ladys turn|underarm turn|underarm turns|vuelta|vueltas|giro|giros', fam('lady-turn')],
  ['inside turn|inside turns', fam('lady-turn', 'inside turn')],
  ['outside turn|outside turns', fam('lady-turn', 'outside turn')],
  ['double turn|double turns', fam('lady-turn', 'double turn')],
  ['spin|spins|spinning|pirouette|pirouettes|multiple spins|lead spin|lead spins|follower spin|follower spins', fam('spin')],
  ['hammerlock|hammerlocks|hammer lock|hammer locks|candado|candados', fam('hammerlock')],
  // No cuddle family exists: the wrap/sweetheart position lives in the shadow family's clips
  // (follower in front or beside, same facing, arms wrapped).
  ['shadow|shadows|shadow position|sombra|sombras|cuddle|cuddles|wrap|wraps|sweetheart|sweethearts', fam('shadow')],
  ['body wave|body waves|wave|waves|body roll|body rolls|ondulacion|ondulaciones|onda|ondas', fam('body-wave')],
  ['hip roll|hip rolls|hip circle|hip circles|hips|hip movement|hip movements', fam('hip-roll')],
  ['head roll|head rolls|hair flip|hair flips|hair whip|hair whips', fam('head-roll')],
  ['bolero|boleros', fam('bolero')],
  ['footwork|foot work|shines|shine|syncopation|syncopations|fancy feet|pasitos|zapateo', fam('footwork')],
  ['madrid|the madrid', fam('footwork', 'madrid')],
  ['taconeo|taconeos', fam('footwork', 'taconeo')],
  ['golpe|golpes|accent|accents|accent hit|accent hits|hit|hits', fam('golpe')],
  ['arm styling|styling|arms|arm work|brazos', fam('arm-styling')],
  ['dip|dips|drop|drops|caida|caidas', fam('dip')],
  ['death drop|death drops', fam('dip', 'death drop')],
  ['intro|intros|intro move|opening|opening move|entrada', fam('intro')],
  ['outro|outros|ending|ending pose|final pose|finale|closing pose|pose|poses', fam('outro')],
]

const lvl = (value: 'beginner' | 'intermediate' | 'advanced', strength: 1 | 2 = 2): LexCue[] => [
  { type: 'difficulty', value, strength },
]

export const LEVEL_ROWS: LexRow[] = [
  ['beginner|beginners|easy|easier|simple|simpler|newbie|newbies|novice|novices|first class|first lesson|first time|first timer|first timers|' +
    'never danced|never danced before|new to bachata|new to dancing|new dancer|new dancers|absolute beginner|absolute beginners|' +
    'complete beginner|complete beginners|total beginner|keep it simple|nothing fancy|nothing complicated|beginner friendly|' +
    'introductory|entry level|level 1|principiante|principiantes|facil|faciles|sencillo|sencilla', lvl('beginner')],
  ['intermediate|intermediates|improver|improvers|some experience|medium level|medium difficulty|level 2|intermedio|intermedia|intermedios', lvl('intermediate')],
  ['medium', lvl('intermediate', 1)],
  ['advanced|pro|pros|professional|expert|experts|show off|showoff|show offs|showy|hard|harder|difficult|challenging|complex|' +
    'complicated|tricky|competition|level 3|avanzado|avanzada|avanzados|dificil', lvl('advanced')],
]

export const STYLE_ROWS: LexRow[] = [
  ['traditional|dominican|dominicana|dominicano|tradicional|classic|old school|authentic', [{ type: 'style', value: 'traditional', strength: 2 }]],
  ['sensual|sexy', [{ type: 'style', value: 'sensual', strength: 2 }]],
  ['moderna|moderno|modern|urban|urbana|urbano|fusion', [{ type: 'style', value: 'moderna', strength: 2 }]],
]

export const MOOD_ROWS: LexRow[] = [
  ['romantic|romance|romantica|romantico|loving|in love|amor', [{ type: 'mood', value: 'romantic' }]],
  ['playful|fun|funny|flirty|cheeky|jugueton|juguetona|divertido|divertida|happy', [{ type: 'mood', value: 'playful' }]],
  ['smooth|suave|silky|flowing|fluid|elegant|graceful', [{ type: 'mood', value: 'smooth' }]],
  ['dramatic|drama|dramatica|dramatico|theatrical|epic', [{ type: 'mood', value: 'dramatic' }]],
  // "energetic" is both a mood and an explicit energy level.
  ['energetic|energetica|energetico|energico|energica', [{ type: 'mood', value: 'energetic' }, { type: 'energy', value: 'high', strength: 2 }]],
]

export const ENERGY_ROWS: LexRow[] = [
  ['high energy|lively|upbeat|intense|explosive|fiery|powerful|lots of energy|full of energy|mucha energia|hype', [{ type: 'energy', value: 'high', strength: 2 }]],
  ['medium energy|moderate energy|moderate|balanced', [{ type: 'energy', value: 'medium', strength: 2 }]],
  ['low energy|chill|chilled|calm|relaxed|relaxing|mellow|laid back|gentle|soft|low key|lowkey|boring|dull|tranquilo|tranquila|tranqui', [{ type: 'energy', value: 'low', strength: 2 }]],
]

// Tempo words also hint at energy, weakly: an explicit energy word elsewhere wins.
export const TEMPO_ROWS: LexRow[] = [
  ['slow|slower|slowly|slow paced|lento|lenta|despacio', [{ type: 'tempo', value: 'slow', strength: 2 }, { type: 'energy', value: 'low', strength: 1 }]],
  ['fast|faster|rapid|speedy|fast paced|up tempo|uptempo|rapido|rapida', [{ type: 'tempo', value: 'fast', strength: 2 }, { type: 'energy', value: 'high', strength: 1 }]],
  ['medium tempo|mid tempo|midtempo|moderate tempo|normal speed|medium speed|medium pace|moderate pace', [{ type: 'tempo', value: 'medium', strength: 2 }]],
]

/** "nothing too close": positive mentions only feed the free-text query. */
export const HOLD_ROWS: LexRow[] = [
  ['close|closed|close embrace|close hold|close position|closed position|closed hold|close contact|body contact|pegado|pegados|pegadito|abrazo|abrazados|cerca', [{ type: 'closeHold' }]],
  ['keep it open|open position|open positions|open hold|open holds|open only|only open|stay open|posicion abierta', [{ type: 'openOnly' }]],
]
