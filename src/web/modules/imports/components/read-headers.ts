import Papa from 'papaparse';

/**
 * The header row of a CSV file, read in the browser (UTF-8 with or without BOM, else GB18030), so the
 * mapping table can be shown even when the server refused the file for a missing required column.
 * Returns null for xlsx files and files that cannot be decoded: the server's error says why.
 */
export async function readCsvHeaders(file: File): Promise<string[] | null> {
  if (/\.xlsx$/i.test(file.name)) return null;
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  const first = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { preview: 1 }).data[0];
  return first ? first.map((h, i) => h.trim() || `#${i + 1}`) : null;
}
