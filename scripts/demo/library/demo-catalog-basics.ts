import type { FamilyRows } from './demo-catalog-row'

/**
 * Basics are also the connectors of the library: every state has basics that stay in it
 * (at a slow and a fast tempo, so a song at 110–150 BPM can retime one within ±12 %) and a
 * basic that brings the couple back to closed hold.
 */
export const BASIC_ROWS: FamilyRows = {
  family: 'basic',
  lead: 'Lead from the frame, not the hands: a small compression before 1 and a clear pause on the tap.',
  follow: 'Keep the weight over the balls of the feet, mirror the steps and let the hip mark the tap on 4 and 8.',
  rows: [
    // closed hold, stays closed
    { name: 'Side basic', d: 'beginner', e: 'medium', s: ['traditional', 'sensual', 'moderna'], m: ['smooth'], from: 'closed', bpm: 124, tags: ['side step', 'tap', 'foundation'], desc: 'The foundation: three steps to the side and a tap, then back the other way, in close embrace.' },
    { name: 'Side basic, Dominican tempo', variant: 'dominican', d: 'beginner', e: 'high', s: ['traditional'], m: ['energetic', 'playful'], from: 'closed', bpm: 146, tags: ['side step', 'fast', 'dominican'], desc: 'The side basic with small quick steps and a bouncy knee action for fast Dominican songs.' },
    { name: 'Forward-back basic', d: 'beginner', e: 'medium', s: ['traditional', 'moderna'], m: ['smooth'], from: 'closed', bpm: 132, tags: ['forward', 'back', 'rock step'], desc: 'Three steps forward and a tap, three steps back and a tap, keeping the frame square.' },
    { name: 'Box basic', d: 'beginner', e: 'medium', s: ['moderna', 'traditional'], m: ['smooth', 'playful'], from: 'closed', bpm: 128, tags: ['box', 'square', 'travel'], desc: 'A basic that draws a small square on the floor: side, forward, side, back.' },
    { name: 'Basic with hip styling', d: 'beginner', e: 'low', s: ['sensual'], m: ['romantic', 'smooth'], from: 'closed', bpm: 118, tags: ['hips', 'styling', 'slow'], desc: 'A slow side basic with soft hip accents on every tap, close and connected.' },
    { name: 'Basic with tap variations', d: 'beginner', e: 'high', s: ['traditional'], m: ['playful', 'energetic'], from: 'closed', bpm: 140, tags: ['tap', 'kick', 'accent'], desc: 'Side basic where the tap becomes a kick, a flick or a heel touch.' },
    { name: 'Basic in place', d: 'beginner', e: 'low', s: ['sensual', 'traditional'], m: ['romantic', 'smooth'], from: 'closed', bpm: 112, tags: ['in place', 'slow', 'embrace'], desc: 'Stepping on the spot in a close embrace, the calmest way to keep time.' },
    { name: 'Rotating basic', d: 'intermediate', e: 'medium', s: ['sensual', 'moderna'], m: ['smooth', 'romantic'], from: 'closed', bpm: 126, tags: ['rotation', 'travel', 'couple turn'], desc: 'The couple turns slowly as one unit while dancing the basic, a quarter turn per eight.' },
    // lead's weight on the left foot (after syncopations), and back
    { name: 'Weight change basic', d: 'intermediate', e: 'medium', s: ['traditional', 'moderna'], m: ['playful'], from: 'closed', to: 'closedL', bpm: 130, counts: 8, tags: ['weight change', 'syncopation'], desc: 'Holds count 8 instead of tapping so the next eight starts on the other foot.' },
    { name: 'Side basic on the other foot', d: 'intermediate', e: 'medium', s: ['traditional', 'moderna'], m: ['smooth'], from: 'closedL', bpm: 120, counts: 8, tags: ['side step', 'other foot'], desc: 'The side basic started with the right foot, for phrases after a weight change.' },
    { name: 'Quick basic on the other foot', d: 'intermediate', e: 'high', s: ['traditional'], m: ['energetic'], from: 'closedL', bpm: 144, counts: 8, tags: ['side step', 'other foot', 'fast'], desc: 'A fast, compact basic that keeps the lead on the opposite foot.' },
    { name: 'Syncopated basic back to time', d: 'intermediate', e: 'medium', s: ['traditional', 'moderna'], m: ['playful'], from: 'closedL', to: 'closed', bpm: 130, counts: 8, tags: ['weight change', 'syncopation', 'reset'], desc: 'A triple step on 7-and-8 that puts both partners back on the usual foot.' },
    // open-closed
    { name: 'Opening basic', d: 'beginner', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'closed', to: 'openClosed', bpm: 126, tags: ['open', 'release', 'frame'], desc: 'The lead releases the embrace into an open-closed hold while keeping the basic.' },
    { name: 'Open-closed basic', d: 'beginner', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'openClosed', bpm: 120, tags: ['open-closed', 'frame'], desc: 'Basic in open-closed hold: the lead\'s right hand on her back, joined hands apart.' },
    { name: 'Open-closed basic, quick', d: 'beginner', e: 'high', s: ['moderna', 'traditional'], m: ['energetic'], from: 'openClosed', bpm: 142, tags: ['open-closed', 'fast'], desc: 'A brisk open-closed basic with small steps for faster songs.' },
    { name: 'Open-closed to closed basic', d: 'beginner', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth', 'romantic'], from: 'openClosed', to: 'closed', bpm: 130, tags: ['close', 'embrace', 'reset'], desc: 'Draws the follower back into the close embrace over one basic.' },
    // two-hand open
    { name: 'Open-out basic', d: 'beginner', e: 'medium', s: ['traditional', 'moderna'], m: ['playful'], from: 'closed', to: 'open', bpm: 124, tags: ['open', 'two hands', 'break away'], desc: 'Steps back out of the embrace into a two-hand open hold on 5-6-7.' },
    { name: 'Open basic', d: 'beginner', e: 'medium', s: ['traditional', 'moderna'], m: ['playful', 'smooth'], from: 'open', bpm: 120, tags: ['open', 'two hands'], desc: 'The side basic at arm\'s length with both hands joined and elastic arms.' },
    { name: 'Open basic, Dominican tempo', variant: 'dominican', d: 'beginner', e: 'high', s: ['traditional'], m: ['energetic', 'playful'], from: 'open', bpm: 146, tags: ['open', 'fast', 'dominican'], desc: 'Quick open basic with bouncing knees, ready for footwork.' },
    { name: 'Open basic with push-pull', d: 'beginner', e: 'medium', s: ['moderna'], m: ['playful'], from: 'open', bpm: 132, tags: ['open', 'push', 'pull', 'tension'], desc: 'Forward-back basic in open hold with a gentle push and pull through the arms.' },
    { name: 'Close-up basic', d: 'beginner', e: 'medium', s: ['traditional', 'moderna', 'sensual'], m: ['romantic', 'smooth'], from: 'open', to: 'closed', bpm: 128, tags: ['close', 'embrace', 'reset'], desc: 'Brings the follower back from open hold into the close embrace.' },
    // one-hand open
    { name: 'One-hand basic', d: 'beginner', e: 'medium', s: ['moderna', 'traditional'], m: ['playful'], from: 'oneHand', bpm: 122, tags: ['one hand', 'open'], desc: 'Open basic holding only the lead\'s left and the follower\'s right hand.' },
    { name: 'One-hand basic with arm swing', d: 'beginner', e: 'high', s: ['moderna', 'traditional'], m: ['playful', 'energetic'], from: 'oneHand', bpm: 142, tags: ['one hand', 'arm swing', 'fast'], desc: 'A lively one-hand basic where the joined arm swings on the taps.' },
    { name: 'One-hand to closed basic', d: 'beginner', e: 'medium', s: ['moderna', 'traditional'], m: ['smooth'], from: 'oneHand', to: 'closed', bpm: 130, tags: ['close', 'reset', 'embrace'], desc: 'Collects the follower from one hand into closed hold.' },
    // cross-hand
    { name: 'Cross-hand basic', d: 'intermediate', e: 'medium', s: ['moderna'], m: ['playful'], from: 'cross', bpm: 126, counts: 8, tags: ['cross hand', 'handshake'], desc: 'Basic in a handshake hold, right hand to right hand, arms relaxed.' },
    { name: 'Cross-hand basic, quick', d: 'intermediate', e: 'high', s: ['moderna', 'traditional'], m: ['energetic'], from: 'cross', bpm: 144, counts: 8, tags: ['cross hand', 'fast'], desc: 'A fast handshake-hold basic that keeps the turn prep alive.' },
    { name: 'Cross-hand to closed basic', d: 'intermediate', e: 'medium', s: ['moderna'], m: ['smooth'], from: 'cross', to: 'closed', bpm: 130, counts: 8, tags: ['close', 'reset', 'cross hand'], desc: 'Drops the handshake and closes the embrace on 5-6-7.' },
    // shadow
    { name: 'Shadow basic', d: 'intermediate', e: 'low', s: ['sensual'], m: ['romantic', 'smooth'], from: 'shadow', bpm: 120, counts: 8, tags: ['shadow', 'behind'], desc: 'Both facing the same way, the lead just behind, stepping the basic together.' },
    { name: 'Shadow basic, traditional', d: 'intermediate', e: 'medium', s: ['traditional', 'moderna'], m: ['playful'], from: 'shadow', bpm: 142, counts: 8, tags: ['shadow', 'fast'], desc: 'A brisk shadow-position basic with small steps.' },
    { name: 'Shadow to closed basic', d: 'intermediate', e: 'medium', s: ['sensual', 'moderna'], m: ['smooth'], from: 'shadow', to: 'closed', bpm: 128, counts: 8, tags: ['shadow', 'exit', 'reset'], desc: 'The follower turns to face the lead over one basic and settles in closed hold.' },
    // hammerlock
    { name: 'Hammerlock basic', d: 'intermediate', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'hammer', bpm: 122, counts: 8, tags: ['hammerlock', 'wrap'], desc: 'Basic with the follower\'s right arm folded behind her back.' },
    { name: 'Hammerlock basic, quick', d: 'intermediate', e: 'high', s: ['moderna'], m: ['energetic'], from: 'hammer', bpm: 142, counts: 8, tags: ['hammerlock', 'fast'], desc: 'A compact, quick basic holding the hammerlock.' },
    { name: 'Hammerlock release basic', d: 'intermediate', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'hammer', to: 'closed', bpm: 130, counts: 8, tags: ['hammerlock', 'release', 'reset'], desc: 'Unfolds the arm gently and returns to closed hold.' },
    // cuddle
    { name: 'Cuddle basic', d: 'intermediate', e: 'low', s: ['sensual'], m: ['romantic'], from: 'cuddle', bpm: 120, counts: 8, tags: ['cuddle', 'sweetheart', 'wrap'], desc: 'Basic in the sweetheart wrap, the follower at the lead\'s right side.' },
    { name: 'Cuddle walk basic', d: 'intermediate', e: 'medium', s: ['sensual', 'moderna'], m: ['romantic', 'playful'], from: 'cuddle', bpm: 140, counts: 8, tags: ['cuddle', 'walk'], desc: 'Walking the basic forward in the wrap.' },
    { name: 'Cuddle unwrap basic', d: 'intermediate', e: 'medium', s: ['sensual', 'moderna'], m: ['smooth'], from: 'cuddle', to: 'closed', bpm: 128, counts: 8, tags: ['cuddle', 'unwrap', 'reset'], desc: 'Unwraps the follower to the front and closes the embrace.' },
    // side-by-side
    { name: 'Side-by-side break basic', d: 'beginner', e: 'medium', s: ['traditional'], m: ['playful'], from: 'closed', to: 'sbs', bpm: 134, tags: ['side by side', 'break away', 'shines'], desc: 'Opens out to stand side by side, ready for footwork.' },
    { name: 'Side-by-side basic', d: 'beginner', e: 'medium', s: ['traditional'], m: ['playful'], from: 'sbs', bpm: 122, tags: ['side by side', 'shines'], desc: 'Basic side by side, hands joined or free, facing the audience.' },
    { name: 'Side-by-side basic, quick', d: 'beginner', e: 'high', s: ['traditional'], m: ['energetic'], from: 'sbs', bpm: 144, tags: ['side by side', 'fast'], desc: 'A quick side-by-side basic to keep time between shines.' },
    { name: 'Side-by-side rejoin basic', d: 'beginner', e: 'medium', s: ['traditional'], m: ['smooth'], from: 'sbs', to: 'closed', bpm: 130, tags: ['rejoin', 'reset', 'embrace'], desc: 'Turns back in to face the partner and rejoins closed hold.' },
    // tandem
    { name: 'Tandem basic', d: 'intermediate', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'tandem', bpm: 122, counts: 8, tags: ['tandem', 'behind'], desc: 'One behind the other, hands on the hips or shoulders, stepping in unison.' },
    { name: 'Tandem basic, quick', d: 'intermediate', e: 'high', s: ['moderna'], m: ['energetic'], from: 'tandem', bpm: 142, counts: 8, tags: ['tandem', 'fast'], desc: 'A brisk tandem basic with small steps.' },
    { name: 'Tandem return basic', d: 'intermediate', e: 'medium', s: ['moderna', 'sensual'], m: ['smooth'], from: 'tandem', to: 'closed', bpm: 130, counts: 8, tags: ['tandem', 'exit', 'reset'], desc: 'Steps around the follower from behind and closes the embrace.' },
  ],
}
