// The focus ring as a sighted keyboard user sees it, read from the canvas's pixels (the
// harness keeps WebGL's drawing buffer): webapp/ui/focus_ring.* draws a 2 CSS px ring of the
// text colour (#1B2430) 1 px outside the focused widget, with a white halo around it.
import assert from 'node:assert/strict';

export const ringColour = [0x1b, 0x24, 0x30];

const luminance = ([r, g, b]) => {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
};
export { luminance };
export const contrast = (a, b) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

// For each side of widget box `w` (CSS px), the pixels on a line going out from the middle of
// that side, 0..4 CSS px outside it, in device pixels: { ratio, sides: {left: [[r,g,b]...], ...} }.
export async function ringProfile(page, w) {
  return page.evaluate((w) => {
    const canvas = document.getElementById('canvas');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const g = copy.getContext('2d');
    g.drawImage(canvas, 0, 0);
    const reach = Math.round(4 * ratio);
    const at = (x, y) => Array.from(g.getImageData(Math.floor(x), Math.floor(y), 1, 1).data.slice(0, 3));
    const cx = (w.x + w.w / 2) * ratio; const cy = (w.y + w.h / 2) * ratio;
    const x0 = w.x * ratio; const x1 = (w.x + w.w) * ratio; const y0 = w.y * ratio; const y1 = (w.y + w.h) * ratio;
    const sides = { left: [], right: [], top: [], bottom: [] };
    for (let d = 1; d <= reach; ++d) {
      sides.left.push(at(x0 - d, cy));
      sides.right.push(at(x1 + d - 1, cy));
      sides.top.push(at(cx, y0 - d));
      sides.bottom.push(at(cx, y1 + d - 1));
    }
    return { ratio, sides };
  }, w);
}

const isRing = (p) => p.every((v, k) => Math.abs(v - ringColour[k]) <= 24);

// How many CSS px of the ring's colour each side shows.
export const ringWidths = (profile) => Object.fromEntries(
  Object.entries(profile.sides).map(([side, pixels]) => [side, pixels.filter(isRing).length / profile.ratio]));

// Fails unless the ring is drawn around the widget now (at least 2 CSS px of the ring's colour
// on each side, standing out 3:1 from the page around it) and was not before it had the focus.
// `before` is null when the widget was elsewhere then (the focus scrolled it into view): the
// page around it is then the 1 px gap between the widget and its ring.
export function assertRing(id, before, now) {
  const widthsBefore = before && ringWidths(before);
  const widths = ringWidths(now);
  for (const side of Object.keys(widths)) {
    if (before)
      assert.equal(widthsBefore[side], 0, `${id}: no ring on its ${side} before it had the focus (${JSON.stringify(widthsBefore)})`);
    assert.ok(widths[side] >= 2, `${id}: a ring of at least 2 px on its ${side} (${JSON.stringify(widths)}: ${JSON.stringify(now.sides[side])})`);
    // The background: the lightest of what was there (a neighbour's ring may be near).
    const around = before ? before.sides[side] : now.sides[side].slice(0, Math.round(now.ratio));
    const under = around.reduce((a, p) => (luminance(p) > luminance(a) ? p : a));
    assert.ok(contrast(ringColour, under) >= 3,
              `${id}: the ring on its ${side} stands out 3:1 from the page around it (${contrast(ringColour, under).toFixed(1)}:1)`);
  }
}
