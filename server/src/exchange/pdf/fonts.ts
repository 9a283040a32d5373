import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The report's font faces (DejaVu Sans, embedded: every Danish letter and most symbols print). */
export const FONT = {
  regular: 'Sans',
  bold: 'Sans-Bold',
  italic: 'Sans-Oblique',
  boldItalic: 'Sans-BoldOblique',
} as const;
export type FontFace = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontFace, string> = {
  [FONT.regular]: 'DejaVuSans.ttf',
  [FONT.bold]: 'DejaVuSans-Bold.ttf',
  [FONT.italic]: 'DejaVuSans-Oblique.ttf',
  [FONT.boldItalic]: 'DejaVuSans-BoldOblique.ttf',
};

let loaded: Record<FontFace, Buffer> | undefined;

/** The font files, read once per process (or worker) and then reused by every report. */
function fontFiles(): Record<FontFace, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    loaded = {
      [FONT.regular]: read(FILES[FONT.regular]),
      [FONT.bold]: read(FILES[FONT.bold]),
      [FONT.italic]: read(FILES[FONT.italic]),
      [FONT.boldItalic]: read(FILES[FONT.boldItalic]),
    };
  }
  return loaded;
}

/** Registers the four faces with a document and makes the regular one current. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of Object.entries(fontFiles())) doc.registerFont(name, data);
  doc.font(FONT.regular);
}

/** The face for a bold / italic combination. */
export function faceOf(bold: boolean, italic: boolean): FontFace {
  if (bold) return italic ? FONT.boldItalic : FONT.bold;
  return italic ? FONT.italic : FONT.regular;
}
