/**
 * Draws the app's icons from one SVG (the logo: an accent circle with a white dot) and
 * writes them where Next.js and browsers look for them. Run it after changing the logo:
 *
 *   npx tsx scripts/make-icons.ts
 *
 *   app/icon.svg           tab icon for browsers that take SVG
 *   app/favicon.ico        16, 32 and 48 px PNGs in one ICO, for /favicon.ico
 *   app/apple-icon.png     180 px, full-bleed (iOS rounds the corners and shows no transparency)
 *   public/icons/*.png     192 and 512 px for the web manifest (app/manifest.ts), plus a
 *                          maskable 512 px whose dot stays inside the safe zone
 *
 * PNGs are rendered by Debian's Chromium (CHROMIUM_PATH), so nothing is downloaded.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

/** --color-accent-600 of app/globals.css (oklch(0.52 0.21 275)) in sRGB. */
const accent = "#4d51de";

/** The logo on a transparent square: what tabs and "any" purpose icons show. */
const roundIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="${accent}"/><circle cx="32" cy="32" r="11.5" fill="#fff"/></svg>`;

/** The logo's colour to every edge, the dot centred: home screens crop this to their own shape. */
const fullBleedIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${accent}"/><circle cx="32" cy="32" r="9" fill="#fff"/></svg>`;

async function render(svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" style="display:block" `)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return png;
}

/** An ICO file holding PNG images (read by every browser since 2007). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, at + 1); // height
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  mkdirSync("public/icons", { recursive: true });
  writeFileSync("app/icon.svg", `${roundIcon}\n`);
  const favicon = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(roundIcon, size) })));
  writeFileSync("app/favicon.ico", ico(favicon));
  writeFileSync("app/apple-icon.png", await render(fullBleedIcon, 180));
  writeFileSync("public/icons/icon-192.png", await render(roundIcon, 192));
  writeFileSync("public/icons/icon-512.png", await render(roundIcon, 512));
  writeFileSync("public/icons/maskable-512.png", await render(fullBleedIcon, 512));
  console.log("icons written: app/icon.svg, app/favicon.ico, app/apple-icon.png, public/icons/{icon-192,icon-512,maskable-512}.png");
} finally {
  await browser.close();
}
