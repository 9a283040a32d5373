import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  byMonths,
  contentHash,
  figureFormat,
  getItem,
  nestedFragment,
  PAYMENT_BASIS_NAMES,
  richTextFromParagraphs,
  SIGNER_NAME_MAX_CHARS,
  sectionMap,
  setField,
  toModel,
  writeRichText,
} from '@caseroom/shared';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  bearer,
  connectSynced,
  createCase,
  makeTempDataDir,
  startTestServer,
  waitFor,
} from '../support/server.ts';

/**
 * docs/export-docx.md (issue 15): the contract annex through a real server — as a Word document
 * (unzipped, its XML parsed by a strict parser, converted to PDF by LibreOffice Writer) and as
 * the PDF report's last section (pdftotext) — lists every outcome's rate card, the content hash,
 * each signatory's party and name, and hostile strings an editor typed as literal text.
 */

const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';
const LONG_WORD = `Langord${'abcdefghij'.repeat(499)}Slut`;
const HOSTILE = {
  script: '<script>alert("annex")</script>',
  ampersand: 'Tom & Jerry A/S',
  cdataEnd: 'slut ]]> her',
  rtl: 'Ret\u200Fning\u200F العربية',
};
const DEFINITION = `${HOSTILE.script} ${HOSTILE.ampersand} ${HOSTILE.cdataEnd} ${HOSTILE.rtl}`;
const SIGNER = 'Mette Økonomi & Hansen';
/** The head of department who signs the same version with the same link. */
const CO_SIGNER = 'Ib Direktør';

const work = mkdtempSync(join(tmpdir(), 'caseroom-annex-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The text of a Word document's body as a strict XML parser reads it: paragraphs and table rows. */
function documentText(xml: string): { paragraphs: string[]; rows: string[][] } {
  const parser = new SaxesParser();
  const paragraphs: string[] = [];
  const rows: string[][] = [];
  let paragraph: string | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let inText = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (node) => {
    if (node.name === 'w:p') paragraph = '';
    else if (node.name === 'w:tr') row = [];
    else if (node.name === 'w:tc') cell = [];
    else if (node.name === 'w:t') inText = true;
    else if (node.name === 'w:br' && paragraph !== undefined) paragraph += '\n';
  });
  parser.on('text', (text) => {
    if (inText && paragraph !== undefined) paragraph += text;
  });
  parser.on('closetag', (node) => {
    if (node.name === 'w:t') inText = false;
    else if (node.name === 'w:p') {
      paragraphs.push(paragraph ?? '');
      cell?.push(paragraph ?? '');
      paragraph = undefined;
    } else if (node.name === 'w:tc') {
      row?.push((cell ?? []).join('\n'));
      cell = undefined;
    } else if (node.name === 'w:tr') {
      if (row) rows.push(row);
      row = undefined;
    }
  });
  parser.write(xml).close();
  return { paragraphs, rows };
}

/** pdftotext's reading of a PDF, page by page, with each page's footer line left out. */
function pdfPages(file: string, hash: string): string[] {
  const raw = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return raw
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .filter(
          (line) => !line.includes(`· ${hash.slice(0, 12)}`) && !/^(Side|Page) \d+ (af|of) \d+$/.test(line.trim()),
        )
        .join('\n'),
    );
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('contract annex (issue 15)', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  it('exports the agreed version as DOCX and as the PDF report’s annex: rate cards, hash, signer names, hostile text as text', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    const created = await createCase(server.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, created.token, method, `/api/cases/${created.id}${path}`, body);

    // An editor writes hostile text into an outcome's definition and the early-stop terms.
    const editor = await connectSynced(server.wsUrl, created.id, { token: created.token });
    clients.push(editor);
    const outcomeId = toModel(editor.doc).outcomes[0]?.id ?? '';
    editor.doc.transact(() => {
      setField(getItem(editor.doc, 'outcome', outcomeId)!, 'definition', DEFINITION);
      const earlyStop = nestedFragment(sectionMap(editor.doc, 'evaluation'), 'earlyStop')!;
      earlyStop.delete(0, earlyStop.length);
      writeRichText(earlyStop, richTextFromParagraphs(`Før ${HOSTILE.script}`, LONG_WORD));
    });
    const model = toModel(editor.doc);
    let hash = '';
    await waitFor(
      async () => {
        const view = await call('GET', '/workshop');
        hash = view.body.contentHash;
        return hash === contentHash(model);
      },
      { what: 'the edit reaches the server' },
    );

    // The facilitator signs with a name; the name is bounded and checked by the endpoint's schema.
    const me = (await call('GET', '/me')).body.party;
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.id] })).status).toBe(200);
    const tooLong = await call('POST', '/workshop/signoffs', {
      hash,
      signerName: 'x'.repeat(SIGNER_NAME_MAX_CHARS + 1),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('signerName');
    const signed = await call('POST', '/workshop/signoffs', { hash, signerName: `  ${SIGNER}  ` });
    expect(signed.status).toBe(201);
    expect(signed.body.signoff).toMatchObject({ partyId: me.id, partyName: me.name, signerName: SIGNER, hash });
    // A second person sharing the party's link signs the same version: both are listed (issue 15).
    const coSigned = await call('POST', '/workshop/signoffs', { hash, signerName: CO_SIGNER });
    expect(coSigned.body.signoff.coSigners).toEqual([{ name: CO_SIGNER, at: expect.any(String) }]);
    expect((await call('GET', '/workshop')).body.agreed).toBe(true);

    // ---- DOCX
    const response = await fetch(`${server.url}/api/cases/${created.id}/export.docx`, {
      headers: bearer(created.token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`filename=".*-v${hash.slice(0, 8)}-bilag\\.docx"`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    // Text is text: no markup from the case reaches the XML unescaped.
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    const docx = documentText(xml);
    const text = docx.paragraphs.join('\n');
    // Real Word headings (style Heading1…3), the sections in order.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(text).toContain(DEFINITION);
    expect(text).toContain(`Før ${HOSTILE.script}`);
    expect(docx.paragraphs).toContain(LONG_WORD);
    expect(text).toContain(hash);
    for (const outcome of model.outcomes) {
      expect(text).toContain(outcome.name);
      for (const point of [...outcome.points].sort(byMonths)) {
        const expected = [
          figureFormat.count(point.months ?? 0),
          String(Math.floor((point.months ?? 0) / 12) + 1),
          figureFormat.money(point.price ?? 0),
          PAYMENT_BASIS_NAMES[point.basis ?? 'all'].da,
        ];
        expect(docx.rows, `${outcome.name}: ${expected.join(' | ')}`).toContainEqual(expected);
      }
    }
    // Payer shares as a table, the party with the person who signed for it.
    const shares = Object.entries(model.paymentModel.payerShares);
    for (const [departmentId, share] of shares) {
      const department = model.facts.departments.find((d) => d.id === departmentId);
      expect(docx.rows.some((row) => row[0] === department?.name && row[2] === figureFormat.percent(share))).toBe(true);
    }
    const signoffRow = docx.rows.find((row) => row[0] === me.name);
    expect(signoffRow?.[1]).toBe(`${SIGNER}, ${CO_SIGNER}`);
    expect(signoffRow?.[3]).toBe('Denne version');

    // LibreOffice Writer opens it and converts it to PDF.
    const docxFile = join(work, 'annex.docx');
    writeFileSync(docxFile, bytes);
    const out = join(work, 'out');
    mkdirSync(out, { recursive: true });
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        docxFile,
      ],
      { stdio: 'pipe', timeout: 110_000 },
    );
    // Footers (title, hash prefix, page) left out: a long word runs across pages.
    const converted = pdfPages(join(out, 'annex.pdf'), hash).join('\n');
    expect(flat(converted)).toContain(HOSTILE.script);
    expect(flat(converted)).toContain(HOSTILE.ampersand);
    expect(flat(converted)).toContain(HOSTILE.cdataEnd);
    expect(squeezed(converted)).toContain(hash);
    expect(flat(converted)).toContain(SIGNER);
    expect(squeezed(converted)).toContain(LONG_WORD);
    for (const outcome of model.outcomes) {
      for (const point of outcome.points) expect(flat(converted)).toContain(figureFormat.money(point.price ?? 0));
    }

    // ---- the PDF report's annex section, in English
    const pdf = await fetch(`${server.url}/api/cases/${created.id}/export.pdf?lang=en`, {
      headers: bearer(created.token),
    });
    expect(pdf.status).toBe(200);
    const pdfFile = join(work, 'report.pdf');
    writeFileSync(pdfFile, new Uint8Array(await pdf.arrayBuffer()));
    const pages = pdfPages(pdfFile, hash);
    const start = pages.findIndex((page) => page.includes('Contract annex:'));
    expect(start).toBeGreaterThan(0);
    const annex = pages.slice(start).join('\n');
    expect(squeezed(annex)).toContain(hash);
    expect(flat(annex)).toContain(`${me.name} ${SIGNER}`);
    expect(flat(annex)).toContain(HOSTILE.script);
    expect(flat(annex)).toContain(HOSTILE.ampersand);
    expect(flat(annex)).toContain(HOSTILE.cdataEnd);
    expect(squeezed(annex)).toContain(LONG_WORD);
    for (const outcome of model.outcomes) {
      expect(flat(annex)).toContain(flat(outcome.name ?? ''));
      for (const point of outcome.points) {
        const line = `${figureFormat.count(point.months ?? 0)} ${Math.floor((point.months ?? 0) / 12) + 1} ${figureFormat.money(point.price ?? 0)} ${PAYMENT_BASIS_NAMES[point.basis ?? 'all'].en}`;
        expect(flat(annex), line).toContain(line);
      }
    }
    expect(readFileSync(pdfFile).length).toBeGreaterThan(0);
  }, 180_000);

  it('a sign-off without a name (as before) stays valid and the annex says no name was given', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    const created = await createCase(server.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, created.token, method, `/api/cases/${created.id}${path}`, body);
    const me = (await call('GET', '/me')).body.party;
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.id] })).status).toBe(200);
    const hash = (await call('GET', '/workshop')).body.contentHash;
    const signed = await call('POST', '/workshop/signoffs', { hash });
    expect(signed.status).toBe(201);
    expect(signed.body.signoff.signerName).toBeUndefined();
    expect((await call('GET', '/workshop')).body.agreed).toBe(true);
    const response = await fetch(`${server.url}/api/cases/${created.id}/export.docx?lang=en`, {
      headers: bearer(created.token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/-annex-en\.docx"$/);
    const docx = documentText(
      new TextDecoder().decode(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']),
    );
    expect(docx.rows.find((row) => row[0] === me.name)).toEqual([
      me.name,
      '– (no name given)',
      expect.any(String),
      'This version',
    ]);
    expect(docx.paragraphs).toContain('1. Parties and signatories');
  });
});
