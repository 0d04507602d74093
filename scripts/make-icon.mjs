// Draws the extension icon, images/icon.png (128×128 RGBA), with nothing but node:zlib.
// Design: three parallel lanes (concurrent tasks) on a dark rounded square; the middle lane is
// broken off mid-way (a promise no one awaits) and marked with an amber warning badge.
// Run: node scripts/make-icon.mjs [outFile]
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** Signed distance helpers: negative inside. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const capsule = (ax, ay, bx, by, r) => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
/** Convex polygon (clockwise or not) as the max of its edge half-planes. */
const polygon = (points) => (x, y) => {
  let d = -Infinity;
  const n = points.length;
  const area = points.reduce((s, [px, py], i) => s + px * points[(i + 1) % n][1] - points[(i + 1) % n][0] * py, 0);
  const sign = area > 0 ? 1 : -1;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = points[i], [bx, by] = points[(i + 1) % n];
    const ex = bx - ax, ey = by - ay, len = Math.hypot(ex, ey);
    d = Math.max(d, (sign * (ex * (y - ay) - ey * (x - ax))) / -len);
  }
  return d;
};
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));

const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const WHITE = hex("#f4f7fb"), AMBER = hex("#ffb020"), INK = hex("#1b2433"), BROKEN = hex("#f4f7fb", 0.45);

// Layers, painted in order. `fill` may depend on the position (the background gradient).
const arrowHead = (x, y) => polygon([[x - 12, y - 11], [x + 4, y], [x - 12, y + 11]]);
const layers = [
  { shape: roundedRect(4, 4, 124, 124, 24), fill: (_x, y) => mix(hex("#2b5a9e"), hex("#14284a"), y / SIZE) },
  // top and bottom lanes: complete, each ending in an arrow head
  { shape: union(capsule(22, 36, 92, 36, 5), arrowHead(104, 36)), fill: () => WHITE },
  { shape: union(capsule(22, 92, 92, 92, 5), arrowHead(104, 92)), fill: () => WHITE },
  // middle lane: starts like the others, then breaks off into fading dashes
  { shape: capsule(22, 64, 50, 64, 5), fill: () => WHITE },
  { shape: union(capsule(62, 64, 66, 64, 4), capsule(76, 64, 78, 64, 3.5)), fill: () => BROKEN },
  // warning badge over the break
  { shape: circle(98, 64, 17), fill: () => INK },
  { shape: circle(98, 64, 14), fill: () => AMBER },
  { shape: union(capsule(98, 56, 98, 66, 3), circle(98, 73, 3.2)), fill: () => INK },
];

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

/** Straight-alpha "over" compositing. */
function over(dst, [r, g, b, a]) {
  const outA = a + dst[3] * (1 - a);
  if (outA === 0) return [0, 0, 0, 0];
  const c = (s, d) => (s * a + d * dst[3] * (1 - a)) / outA;
  return [c(r, dst[0]), c(g, dst[1]), c(b, dst[2]), outA];
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES, y = py + (sy + 0.5) / SAMPLES;
          let color = [0, 0, 0, 0];
          for (const layer of layers) {
            if (layer.shape(x, y) <= 0) color = over(color, layer.fill(x, y));
          }
          // premultiplied accumulation, so transparent samples do not darken edges
          acc = [acc[0] + color[0] * color[3], acc[1] + color[1] * color[3], acc[2] + color[2] * color[3], acc[3] + color[3]];
        }
      }
      const o = (py * SIZE + px) * 4;
      const alpha = acc[3] / (SAMPLES * SAMPLES);
      for (let i = 0; i < 3; i++) rgba[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] ?? resolve(root, "images/icon.png"));
mkdirSync(dirname(out), { recursive: true });
const png = encodePng(render());
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
