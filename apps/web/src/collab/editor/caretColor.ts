/** y-tiptap draws only six-digit hex colours; anything else from the wire gets this. */
export const FALLBACK_CARET_COLOR = '#5a5a5a';

const HEX = /^#[0-9a-f]{6}$/i;

export function safeColor(color: unknown): string {
  return typeof color === 'string' && HEX.test(color) ? color : FALLBACK_CARET_COLOR;
}

function channel(hex: string, at: number): number {
  const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** Black or white, whichever reads better on `background` (WCAG contrast ratio). */
export function labelTextColor(background: string): '#000000' | '#ffffff' {
  const l = luminance(safeColor(background));
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

/**
 * A colour for this participant's caret, stable per seat. The server sends the authoritative
 * one; this is what the client proposes. Each has at least 4.5:1 contrast with white text.
 */
const SEAT_COLORS = ['#1f5fbf', '#a1331f', '#1d6b3a', '#7a3d9e', '#8a5300', '#0f6b73', '#b0246b', '#4a5a00'];
export function seatColor(seat: number): string {
  return SEAT_COLORS[Math.abs(seat) % SEAT_COLORS.length] ?? FALLBACK_CARET_COLOR;
}
