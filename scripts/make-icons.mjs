// Draws the add-in's icons (assets/icon-<size>.png): an NHS-blue rounded square with three white figures, a
// team. Drawn from shapes rather than shipped as binaries from an editor, so they can be regenerated and checked
// (test/manifest.test.ts compares the committed PNGs with this script's pixels) without any download.
//
//   node scripts/make-icons.mjs              writes assets/
//   node scripts/make-icons.mjs --out DIR    writes DIR/ instead
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const SIZES = [16, 32, 64, 80, 128];

const NHS_BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

// Shapes in a unit square, y downwards, measured in sixteenths: every size drawn is a multiple of 16 px, so edges on
// sixteenths land on pixel edges and stay crisp down to 16 px. A figure is a head (circle) over shoulders (the top
// of an ellipse, cut flat at the bottom). The middle figure stands in front: the side figures are cut back by a
// blue gap around it so the three stay distinct at the smallest size.
const u = (sixteenths) => sixteenths / 16;
const BOTTOM = u(13);
const middle = { hx: u(8), hy: u(5), hr: u(2.25), bx: u(8), by: u(14), brx: u(4), bry: u(6) };
const sides = [u(3.25), u(12.75)].map((x) => ({ hx: x, hy: u(6.5), hr: u(1.6), bx: x, by: u(14), brx: u(2.5), bry: u(4.75) }));
const GAP = u(1);

function inFigure(f, x, y, grow = 0) {
  const head = (x - f.hx) ** 2 + (y - f.hy) ** 2 <= (f.hr + grow) ** 2;
  const ex = (x - f.bx) / (f.brx + grow);
  const ey = (y - f.by) / (f.bry + grow);
  const body = y <= BOTTOM + grow && ex * ex + ey * ey <= 1;
  return head || body;
}

function inRoundedSquare(x, y, radius) {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius <= 0;
}

function colourAt(x, y) {
  if (!inRoundedSquare(x, y, u(3))) return null;
  if (inFigure(middle, x, y)) return WHITE;
  if (inFigure(middle, x, y, GAP)) return NHS_BLUE;
  return sides.some((f) => inFigure(f, x, y)) ? WHITE : NHS_BLUE;
}

/** RGBA pixels, row by row, antialiased by averaging an 8x8 grid of samples per pixel. */
export function renderIcon(size) {
  const samples = 8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG, 8 bits a channel, no filtering (the icons are tiny). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const outDir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : path.join(root, "assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(path.join(outDir, `icon-${size}.png`), encodePng(size, renderIcon(size)));
  }
  console.log(`icons ${SIZES.join(", ")} px written to ${path.relative(process.cwd(), outDir) || "."}`);
}
