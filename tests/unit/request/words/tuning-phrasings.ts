import type { Phrasing } from './held-out-phrasings'

/**
 * TUNING set: the phrasings the implied-word lexicon and the word-vector floor were tuned on
 * (the brief's own examples among them). Never reported as the accuracy figure: that is the
 * held-out set, which the parser was not tuned on. Five phrasings first shared a key word with
 * held-out ones ("serene", "peaceful", "quiet", "polished", "cheerful", "contemporary"); they
 * were replaced and the values re-swept: floor 0.45, rank 1000 and the everyday-word check
 * stay best; margin 0 reads one more scored case (39 vs 38 of 43) but also reads unscored
 * fields wrongly ("joyful" → sensual style, "edgy" → playful), so the margin stays 0.03.
 */
export const TUNING: Phrasing[] = [
  { lang: 'en', text: "we've been dancing together for years", expect: { difficulty: 'advanced' } },
  { lang: 'en', text: 'first time on a dance floor', expect: { difficulty: 'beginner' } },
  { lang: 'en', text: 'my partner is still learning', expect: { difficulty: 'beginner' } },
  { lang: 'en', text: 'something intimate', expect: { mood: 'romantic' } },
  { lang: 'en', text: 'to impress at the social', expect: { difficulty: 'advanced' } },
  { lang: 'en', text: 'for a wedding first dance', expect: { mood: 'romantic' } },
  { lang: 'en', text: 'something chill', expect: { energy: 'low' } },
  { lang: 'en', text: 'to wake everyone up', expect: { energy: 'high' } },
  { lang: 'en', text: 'we are seasoned dancers', expect: { difficulty: 'advanced' } },
  { lang: 'en', text: 'a veteran couple', expect: { difficulty: 'advanced' } },
  { lang: 'en', text: 'my husband is an amateur', expect: { difficulty: 'beginner' } },
  { lang: 'en', text: 'we are learners', expect: { difficulty: 'beginner' } },
  { lang: 'en', text: 'we have a bit of experience', expect: { difficulty: 'intermediate' } },
  { lang: 'en', text: 'bubbly and jolly', expect: { mood: 'playful' } },
  { lang: 'en', text: 'joyful', expect: { mood: 'playful' } },
  { lang: 'en', text: 'a sexy, sizzling routine', expect: { style: 'sensual' } },
  { lang: 'en', text: 'sensuous and slinky', expect: { style: 'sensual' } },
  { lang: 'en', text: 'edgy and futuristic', expect: { style: 'moderna' } },
  { lang: 'en', text: 'old fashioned bachata', expect: { style: 'traditional' } },
  { lang: 'en', text: 'tranquil', expect: { energy: 'low' } },
  { lang: 'en', text: 'a hushed, restful routine', expect: { energy: 'low' } },
  { lang: 'en', text: 'a heartfelt routine', expect: { mood: 'romantic' } },
  { lang: 'en', text: 'passionate', expect: { mood: 'romantic' } },
  { lang: 'en', text: 'a dark, intense story', expect: { mood: 'dramatic' } },
  { lang: 'en', text: 'dynamic and vibrant', expect: { energy: 'high' } },
  { lang: 'en', text: 'exhilarating', expect: { energy: 'high' } },
  { lang: 'en', text: 'lazy sunday vibe', expect: { energy: 'low' } },
  { lang: 'en', text: 'for a party', expect: { energy: 'high' } },
  { lang: 'en', text: 'graceful and sleek', expect: { mood: 'smooth' } },
  { lang: 'en', text: 'silky transitions, nothing jerky', expect: { mood: 'smooth' } },
  { lang: 'es', text: 'somos principiantes', expect: { difficulty: 'beginner' } },
  { lang: 'es', text: 'algo romántico y lento', expect: { mood: 'romantic', energy: 'low' } },
  { lang: 'es', text: 'para bailar pegaditos', expect: { mood: 'romantic' } },
  { lang: 'es', text: 'con mucha energía', expect: { energy: 'high' } },
  { lang: 'es', text: 'es nuestra primera clase', expect: { difficulty: 'beginner' } },
  { lang: 'es', text: 'bailamos desde hace mucho', expect: { difficulty: 'advanced' } },
  { lang: 'es', text: 'somos novatos', expect: { difficulty: 'beginner' } },
  { lang: 'es', text: 'algo sensual y cercano', expect: { style: 'sensual' } },
  { lang: 'es', text: 'para la boda', expect: { mood: 'romantic' } },
  { lang: 'es', text: 'algo movido para animar la fiesta', expect: { energy: 'high' } },
  { lang: 'es', text: 'algo relajado', expect: { energy: 'low' } },
  { lang: 'es', text: 'algo divertido y alegre', expect: { mood: 'playful' } },
]

/** Tuning requests that imply no level, style, mood or energy (for the similarity floor). */
export const TUNING_NEUTRAL: string[] = [
  'we practise in the basement',
  'my partner wears heels',
  'the song is from my phone',
  'we have a mirror at home',
  'for my brother and his girlfriend',
  'in the park next Tuesday',
  'we are both engineers',
  'record it for my mother',
]
