/**
 * nDCG@k with graded relevance (gain 2^grade − 1): 1 when the top k are the best judged
 * moves in the best order, 0 when none of them is relevant.
 */
export function ndcgAt(ranked: string[], judged: Record<string, number>, k = 10): number {
  const gain = (g: number) => 2 ** g - 1
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(judged[id] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(judged).sort((a, b) => b - a).slice(0, k)
  const idcg = ideal.reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0)
  return idcg > 0 ? dcg / idcg : 0
}
