import { inflateSync } from 'node:zlib';

/**
 * The text a PDF reader extracts from our PDFs (pdfkit output), line by line: every text run mapped
 * back through its font's ToUnicode CMap, runs on one baseline joined left to right. Enough to
 * assert what a person reads on the printed page, without poppler.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = raw.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = streamAt + (raw[streamAt + 6] === '\r' ? 8 : 7);
      const data = Buffer.from(raw.slice(dataStart, dataStart + length), 'latin1');
      let stream: string;
      try { stream = dict.includes('/FlateDecode') ? inflateSync(data).toString('latin1') : data.toString('latin1'); } catch { stream = ''; }
      objects.set(Number(m[1]), { dict, stream });
      header.lastIndex = raw.indexOf('endstream', dataStart + length) + 9;
    } else {
      objects.set(Number(m[1]), { dict: raw.slice(start, end), stream: null });
      header.lastIndex = end + 6;
    }
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOf = (fontObj: number): Map<string, string> => {
    if (cmaps.has(fontObj)) return cmaps.get(fontObj)!;
    const map = new Map<string, string>();
    const toUnicode = objects.get(ref(objects.get(fontObj)?.dict ?? '', 'ToUnicode'))?.stream ?? '';
    for (const range of toUnicode.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      let code = parseInt(range[1]!, 16);
      for (const hex of range[3]!.matchAll(/<([0-9a-f]+)>/gi)) {
        map.set(code.toString(16).padStart(range[1]!.length, '0'), Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le'));
        code++;
      }
    }
    for (const single of toUnicode.matchAll(/^<([0-9a-f]+)>\s*<([0-9a-f]+)>$/gim)) {
      map.set(single[1]!.toLowerCase(), Buffer.from(single[2]!, 'hex').swap16().toString('utf16le'));
    }
    cmaps.set(fontObj, map);
    return map;
  };
  const pages: string[] = [];
  for (const [, object] of objects) {
    if (!/\/Type \/Page\b/.test(object.dict)) continue;
    const resources = /\/Resources (\d+) 0 R/.exec(object.dict) ? objects.get(ref(object.dict, 'Resources'))!.dict : object.dict;
    const fonts = new Map([...(/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g)].map((f) => [f[1]!, Number(f[2])]));
    const content = objects.get(ref(object.dict, 'Contents'))?.stream ?? '';
    const runs: Array<{ x: number; y: number; text: string }> = [];
    let font = 0;
    let x = 0;
    let y = 0;
    for (const op of content.matchAll(/([-\d.]+) ([-\d.]+) Tm|\/(\S+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1] !== undefined) { x = Number(op[1]); y = Number(op[2]); continue; }
      if (op[3] !== undefined) { font = fonts.get(op[3]) ?? 0; continue; }
      const cmap = cmapOf(font);
      const hexes = op[4] !== undefined ? [...op[4].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!) : [op[5]!];
      const text = hexes.flatMap((hex) => hex.match(/.{4}/g) ?? []).map((code) => cmap.get(code.toLowerCase()) ?? '\uFFFD').join('');
      runs.push({ x, y, text });
    }
    runs.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: string[] = [];
    let lastY: number | null = null;
    for (const run of runs) {
      if (lastY !== null && Math.abs(run.y - lastY) < 1) lines[lines.length - 1] += run.text;
      else lines.push(run.text);
      lastY = run.y;
    }
    pages.push(lines.join('\n'));
  }
  return pages.join('\n\f\n');
}
