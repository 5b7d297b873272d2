/** Expert colours by task, so that "ASR" looks the same in every heatmap, bar and legend. */
const TASK_HUES: Record<string, number> = { asr: 212, ocr: 28, text: 140, general: 280 };
const SPARE_HUES = [350, 180, 55, 310, 100, 240];

export function expertHue(experts: readonly string[], expert: number): number {
  const task = experts[expert]?.toLowerCase() ?? '';
  const known = TASK_HUES[task];
  if (known !== undefined) return known;
  const unnamed = experts
    .slice(0, expert)
    .filter((name) => TASK_HUES[name.toLowerCase()] === undefined).length;
  return SPARE_HUES[unnamed % SPARE_HUES.length]!;
}

/** The expert's colour at an intensity from 0 (faint) to 1 (full). */
export function expertColour(experts: readonly string[], expert: number, intensity = 1): string {
  const lightness = 86 - 46 * Math.min(1, Math.max(0, intensity));
  return `hsl(${expertHue(experts, expert)} 70% ${lightness}%)`;
}

export function expertLabel(experts: readonly string[], expert: number): string {
  const name = experts[expert] ?? `expert ${expert + 1}`;
  return name.length <= 4 ? name.toUpperCase() : name;
}
