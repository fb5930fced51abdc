import type { LexRow } from './lexicon-types'

/** Number words; digits are tokenised directly. "a"/"un"/"una" stay articles, not "1". */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
  uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, noventa: 90,
}

export const NUMBER_ROWS: LexRow[] = Object.entries(NUMBER_WORDS).map(([word, value]) => [word, [{ type: 'number', value }]])

export const DURATION_ROWS: LexRow[] = [
  ['minute|minutes|min|mins|m|minuto|minutos', [{ type: 'unit', seconds: 60 }]],
  ['second|seconds|sec|secs|s|segundo|segundos', [{ type: 'unit', seconds: 1 }]],
  ['and a half|and half|y medio|y media', [{ type: 'half' }]],
  ['half a minute|medio minuto', [{ type: 'duration', seconds: 30, strength: 2 }]],
  ['whole song|entire song|full song|complete song|whole track|full track|entire track|whole thing|all of it|full length|' +
    'toda la cancion|la cancion completa|cancion completa|cancion entera', [{ type: 'duration', seconds: null, strength: 2 }]],
  // A vague length: any explicit duration in the same request wins over it.
  ['short|shorter|brief|corta|corto', [{ type: 'duration', seconds: 60, strength: 1 }]],
]

export const QUANTITY_ROWS: LexRow[] = [
  ['lots of|lots|a lot of|a lot|lot of|loads of|tons of|plenty of|many|much|more|extra|a bunch of|bunch of|heaps of|' +
    'too many|too much|several|multiple|mucho|muchos|mucha|muchas|mas', [{ type: 'quantity', direction: 'more', count: null }]],
  ['a couple of|a couple|couple of|a pair of|pair of|un par de|par de', [{ type: 'quantity', direction: 'more', count: 2 }]],
  ['a few|unos cuantos|unas cuantas|unos pocos|unas pocas', [{ type: 'quantity', direction: 'more', count: 3 }]],
  ['fewer|less|few|not many|not too many|not a lot of|not much|minimal|little|menos|pocos|pocas|poco|poca', [{ type: 'quantity', direction: 'fewer', count: null }]],
  ['only|just|at most|max|maximum|no more than|not more than|up to|solo|solamente', [{ type: 'cap' }]],
]

export const MODIFIER_ROWS: LexRow[] = [
  ['very|really|super|extremely|so|totally|truly|seriously|ultra|highly|muy|bien', [{ type: 'intensity', delta: 1 }]],
  ['a bit|a little|a little bit|slightly|somewhat|kind of|kinda|sort of|sorta|fairly|mildly|un poco|algo|semi', [{ type: 'intensity', delta: -1 }]],
  ['no|not|without|sin|avoid|skip|except|dont|do not|never|nothing|nada|nada de|none|exclude|excluding|leave out|cant|cannot|hate|dislike', [{ type: 'negator' }]],
  ['but|however|though|although|actually|instead|rather than|then|while|whereas|yet|still|pero|aunque|sino', [{ type: 'break' }]],
  ['or|and|nor|plus|as well as|ni|o|y|e', [{ type: 'connector' }]],
  ['fancy|big|small|quick|crazy|cool|nice|pretty|beautiful|flashy|sharp|subtle|wild|cute|long|tiny|huge|good|great', [{ type: 'modifier' }]],
]

/** Words that carry no meaning for the parser and are kept out of the semantic query. */
export const FILLER_ROWS: LexRow[] = [
  ['a|an|the|any|some|of|de|del|la|las|los|el|lo|un|una|unos|unas|too|want|wants|wanted|like|need|needs|do|does|have|has|' +
    'include|including|with|con|use|put|add|me|us|please|por favor|i|id|im|ill|we|my|our|it|its|is|are|be|to|for|para|por|' +
    'in|on|at|en|al|that|this|these|those|quiero|queremos|would|make|give|create|build|can|could|you|your|get|' +
    'dance|dancing|bachata|routine|routines|choreo|choreography|coreografia|rutina|baile|song|cancion|track|music|musica|' +
    'something|style|estilo|moves|move|pasos|paso|step|steps|about|around|roughly|approximately|approx|maybe|also|lets|let|' +
    'energy|energia|tempo|speed|pace|ritmo|level|nivel|difficulty|everything|stuff|things|thing|should|will|lasting|' +
    'end|beginning|start|finish|middle|dancer|dancers|people|partner|partners|than|keep|class|classes|lesson|lessons|clase|' +
    'que|sea|hay|haz|hazme|mi|nuestra|nuestro|pls|thanks|thank', [{ type: 'filler' }]],
]
