/** Seconds ↔ pixels of the waveform, shared by the view and the tests that drag its edges. */
export const MIN_PIXELS_PER_SECOND = 20;

/** The whole recording fits the width when it can; a long one scrolls at 20 px a second. */
export function pixelsPerSecond(duration: number, width: number): number {
  if (!(duration > 0)) return MIN_PIXELS_PER_SECOND;
  return Math.max(MIN_PIXELS_PER_SECOND, width / duration);
}

/** Peak amplitude per pixel column, from the decoded samples (first channel). */
export function peaks(samples: Float32Array, columns: number): Float32Array {
  const result = new Float32Array(Math.max(0, columns));
  if (columns <= 0 || samples.length === 0) return result;
  const perColumn = samples.length / columns;
  for (let column = 0; column < columns; column++) {
    const from = Math.floor(column * perColumn);
    const to = Math.min(samples.length, Math.floor((column + 1) * perColumn));
    let peak = 0;
    for (let index = from; index < to; index++) {
      const value = Math.abs(samples[index]!);
      if (value > peak) peak = value;
    }
    result[column] = peak;
  }
  return result;
}
