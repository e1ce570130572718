// Hand-written horizontal bar charts: one SVG per scenario, one panel per metric,
// one bar per side. No dependencies; the output is small, static and diff-friendly.

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const AWSCONN_COLORS = ["#2563eb", "#60a5fa"];
const PEER_COLORS = ["#9ca3af", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6"];

function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${(v / 1e3).toPrecision(3)}k`;
  if (a >= 100) return v.toFixed(0);
  if (Number.isInteger(v)) return String(v);
  if (a >= 1) return v.toPrecision(3);
  return v.toPrecision(2);
}

/**
 * @param {{ title: string, subtitle?: string, panels: { label: string, unit: string, better?: "lower"|"higher", log?: boolean,
 *   target?: number, bars: { name: string, value: number }[] }[] }} chart
 * @returns {string} SVG text
 */
export function barChart({ title, subtitle, panels }) {
  const width = 820;
  const labelW = 320;
  const valueW = 90;
  const barMax = width - labelW - valueW - 20;
  const barH = 22;
  const gap = 6;
  let y = subtitle ? 58 : 40;
  const parts = [];
  // One color per side across all panels: awsconn sides in blues, peers in other colors.
  const colorOf = new Map();
  let ours = 0;
  let peers = 0;
  const color = (name) => {
    if (!colorOf.has(name)) {
      const isOurs = /^awsconn\b/.test(name);
      colorOf.set(name, isOurs ? AWSCONN_COLORS[ours++ % 2] : PEER_COLORS[peers++ % PEER_COLORS.length]);
    }
    return colorOf.get(name);
  };
  parts.push(`<text x="12" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`);
  if (subtitle) parts.push(`<text x="12" y="44" font-size="12" fill="#444">${esc(subtitle)}</text>`);
  for (const panel of panels) {
    const hint = `${panel.better ? ` (${panel.better} is better)` : ""}${panel.log ? ", log scale" : ""}`;
    parts.push(
      `<text x="12" y="${y + 12}" font-size="13" font-weight="bold">${esc(panel.label)} [${esc(panel.unit)}]${esc(hint)}</text>`,
    );
    y += 20;
    const max = Math.max(...panel.bars.map((b) => b.value), panel.target ?? 0, Number.MIN_VALUE);
    // Log panels scale by log10(1 + v), so values 1,000x apart stay readable side by side.
    const scale = panel.log ? (v) => Math.log10(1 + v) / Math.log10(1 + max) : (v) => v / max;
    const top = y;
    for (const bar of panel.bars) {
      const w = Math.max(1, scale(bar.value) * barMax);
      parts.push(
        `<text x="${labelW - 8}" y="${y + 15}" font-size="12" text-anchor="end">${esc(bar.name)}</text>`,
      );
      parts.push(
        `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color(bar.name)}"/>`,
      );
      parts.push(
        `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" font-size="12">${esc(fmt(bar.value))}</text>`,
      );
      y += barH + gap;
    }
    if (panel.target !== undefined && Number.isFinite(panel.target)) {
      const x = labelW + scale(panel.target) * barMax;
      parts.push(
        `<line x1="${x.toFixed(1)}" y1="${top - 2}" x2="${x.toFixed(1)}" y2="${y - gap + 2}" stroke="#dc2626" stroke-dasharray="4 3" stroke-width="1.5"/>`,
      );
      parts.push(
        `<text x="${(x + 3).toFixed(1)}" y="${y + 8}" font-size="11" fill="#dc2626">target ${esc(fmt(panel.target))}</text>`,
      );
      y += 12;
    }
    y += 14;
  }
  const height = y + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${parts.join("\n")}
</svg>
`;
}
