import { deflateSync } from 'node:zlib';

/**
 * A deterministic hero image (a gradient with blotches), so the page weighs what a landing page
 * weighs without a binary in the repo: about 20 KB of PNG at 1200x400.
 */
export function heroPng(width = 1200, height = 400) {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 63;
  const cell = 12;
  const cells = Math.ceil(width / cell);
  const blotches = Array.from({ length: Math.ceil(height / cell) * cells }, random);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 1; // "Sub" filter: each byte stored as the difference to its left neighbour
    let previous = [0, 0, 0];
    for (let x = 0; x < width; x++) {
      const blotch = blotches[((y / cell) | 0) * cells + ((x / cell) | 0)];
      const rgb = [40 + (x * 160) / width + blotch, 70 + (y * 120) / height, 150 + blotch].map((v) => Math.min(255, v | 0));
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = (rgb[c] - previous[c]) & 255;
      previous = rgb;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
