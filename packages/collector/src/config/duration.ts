const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30s", "10m", "2h", "7d" → milliseconds; null when `text` is not such a duration. */
export function durationMs(text: string): number | null {
  const match = /^(\d{1,9})([smhd])$/.exec(text.trim());
  return match === null ? null : Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
