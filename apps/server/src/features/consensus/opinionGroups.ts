import { kmeans } from 'ml-kmeans';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { PCA } from 'ml-pca';

/**
 * Opinion groups among the members who marked a standard's paragraphs, computed as Polis does
 * for statements: the member × paragraph matrix (agree 1, disagree −1, pass 0), each unmarked
 * cell filled with its paragraph's mean, projected on its first two principal components, and
 * split by k-means for every k from 2 to 5, keeping the k whose clustering has the highest mean
 * silhouette (ties go to the smaller k). Deterministic: the same marks give the same groups.
 */

/** A member's mark as a number: agree 1, disagree −1, pass 0, unmarked null. */
export type MarkValue = 1 | -1 | 0 | null;

export interface OpinionGroups {
  /**
   * For each row of the matrix, its group (0-based); null for a member with no marks, or (when
   * the marks split) with too few marks to place.
   */
  groupOf: (number | null)[];
  /** How many groups (1 when the marks do not split). */
  k: number;
  /** The mean silhouette of the chosen split (0 with one group). */
  silhouette: number;
}

export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** A member is placed in a group once they have marked this many paragraphs (or all, if fewer). */
export const MIN_MARKS_TO_PLACE = 3;
/** Below this many placed members there is nothing to split: everyone is one group. */
export const MIN_MEMBERS_TO_SPLIT = 4;
/** The seed of k-means++'s first pick, fixed so a recomputation never reshuffles the groups. */
const SEED = 20_211;

export function opinionGroups(matrix: readonly (readonly MarkValue[])[]): OpinionGroups {
  const paragraphs = matrix[0]?.length ?? 0;
  const needed = Math.min(MIN_MARKS_TO_PLACE, paragraphs);
  const placed = matrix.flatMap((row, index) => (needed > 0 && marked(row) >= needed ? [index] : []));
  // Without a split there is nothing to place: everyone who marked anything is the one group.
  const oneGroup = (): OpinionGroups => ({
    groupOf: matrix.map((row) => (marked(row) > 0 ? 0 : null)),
    k: 1,
    silhouette: 0,
  });
  if (placed.length < MIN_MEMBERS_TO_SPLIT) return oneGroup();

  const rows = placed.map((index) => matrix[index]!);
  const points = project(imputed(rows));
  const distinct = new Set(points.map((p) => p.map((x) => x.toFixed(9)).join(','))).size;
  const maxK = Math.min(MAX_GROUPS, distinct, points.length - 1);
  if (maxK < MIN_GROUPS) return oneGroup();

  let best: { clusters: number[]; k: number; silhouette: number } | null = null;
  for (let k = MIN_GROUPS; k <= maxK; k++) {
    const { clusters } = kmeans(points, k, { initialization: 'kmeans++', seed: SEED, maxIterations: 100 });
    const used = canonical(clusters);
    const groups = new Set(used).size;
    if (groups < 2) continue;
    const score = meanSilhouette(points, used);
    if (!best || score > best.silhouette + 1e-12) best = { clusters: used, k: groups, silhouette: score };
  }
  if (!best) return oneGroup();
  const groupOf: (number | null)[] = matrix.map(() => null);
  placed.forEach((index, i) => (groupOf[index] = best.clusters[i]!));
  return { groupOf, k: best.k, silhouette: best.silhouette };
}

const marked = (row: readonly MarkValue[]): number => row.reduce<number>((n, v) => (v === null ? n : n + 1), 0);

/** Unmarked cells take their paragraph's mean among those who marked it (0 when nobody did). */
function imputed(rows: readonly (readonly MarkValue[])[]): number[][] {
  const width = rows[0]!.length;
  const means = Array.from({ length: width }, (_, column) => {
    const values = rows.map((row) => row[column]).filter((v): v is 1 | -1 | 0 => v !== null);
    return values.length === 0 ? 0 : values.reduce<number>((sum, v) => sum + v, 0) / values.length;
  });
  return rows.map((row) => row.map((v, column) => (v === null ? means[column]! : v)));
}

/**
 * The rows' coordinates on their first (at most) two principal components. A room has far fewer
 * members than a long standard has paragraphs, so the components come from the members' Gram
 * matrix (members × members) rather than the paragraphs' covariance: the same scores, from a
 * 100 × 100 symmetric eigendecomposition instead of a 200-column SVD (`ml-pca` for the other way round).
 */
function project(rows: number[][]): number[][] {
  const components = Math.min(2, rows[0]!.length, rows.length - 1);
  const varies = rows[0]!.some((_, column) => rows.some((row) => row[column] !== rows[0]![column]));
  if (!varies || components < 1) return rows.map(() => [0]);
  if (rows[0]!.length <= rows.length) {
    const pca = new PCA(rows, { center: true, scale: false });
    return pca.predict(rows, { nComponents: components }).to2DArray();
  }
  const centred = new Matrix(rows).center('column');
  const gram = centred.mmul(centred.transpose());
  const { realEigenvalues, eigenvectorMatrix } = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  // Largest eigenvalues first; a score is the eigenvector scaled by the singular value.
  const order = realEigenvalues.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const top = order.slice(0, components);
  return rows.map((_, i) =>
    top.map(({ value, index }) => eigenvectorMatrix.get(i, index) * Math.sqrt(Math.max(0, value))),
  );
}

/** Renumbers clusters by first appearance (0, 1, …), so group numbers do not depend on k-means' labels. */
function canonical(clusters: readonly number[]): number[] {
  const order = new Map<number, number>();
  return clusters.map((c) => {
    if (!order.has(c)) order.set(c, order.size);
    return order.get(c)!;
  });
}

const distance = (a: readonly number[], b: readonly number[]): number =>
  Math.sqrt(a.reduce((sum, x, i) => sum + (x - b[i]!) ** 2, 0));

/**
 * The mean silhouette of a clustering: for each point, (b − a) / max(a, b) with a its mean distance
 * to the rest of its own group and b its mean distance to the nearest other group; a point alone
 * in its group scores 0.
 */
export function meanSilhouette(points: readonly (readonly number[])[], clusters: readonly number[]): number {
  const groups = new Set(clusters);
  let total = 0;
  points.forEach((point, i) => {
    const own = clusters[i]!;
    const sums = new Map<number, { sum: number; count: number }>();
    points.forEach((other, j) => {
      if (i === j) return;
      const entry = sums.get(clusters[j]!) ?? { sum: 0, count: 0 };
      entry.sum += distance(point, other);
      entry.count += 1;
      sums.set(clusters[j]!, entry);
    });
    const mine = sums.get(own);
    if (!mine) return; // alone in its group: 0
    const a = mine.sum / mine.count;
    let b = Infinity;
    for (const group of groups) {
      if (group === own) continue;
      const entry = sums.get(group);
      if (entry) b = Math.min(b, entry.sum / entry.count);
    }
    const larger = Math.max(a, b);
    total += larger === 0 ? 0 : (b - a) / larger;
  });
  return points.length === 0 ? 0 : total / points.length;
}
