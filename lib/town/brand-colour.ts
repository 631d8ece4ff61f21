// The town's main colour is the background of the header, of the panels' titles and of the
// primary buttons (white text on it) and the colour of titles and links on the light page
// background: it must keep WCAG 2.1 AA contrast (4.5:1) with the lightest of those texts.

/** The lightest text shown on the colour: the header's town name (Tailwind blue-100). */
export const LIGHTEST_TEXT_ON_BRAND = "#dbeafe";
export const MIN_CONTRAST = 4.5;

const channels = (hex: string) => [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));

function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** The hover / pressed shade: the same hue, a third darker. */
export function darkerShade(hex: string): string {
  return `#${channels(hex)
    .map((value) =>
      Math.round(value * 0.67)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
