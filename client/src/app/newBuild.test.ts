import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openOfflineCopy } from '../features/caseRoom/offlineCopy.ts';
import { isChunkLoadError, isNewBuild, reloadIntoNewBuild } from './newBuild.ts';

describe('isChunkLoadError (issue 10: a page open across a new version)', () => {
  it("knows each browser's words for a chunk that could not be loaded", () => {
    const chromium = new TypeError(
      'Failed to fetch dynamically imported module: https://caseroom.example/assets/CaseRoom-Ck2.js',
    );
    expect(isChunkLoadError(chromium)).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: /assets/x.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/CaseRoom-Ck2.css'))).toBe(true);
  });

  it('is not any other error', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
    expect(isChunkLoadError({ message: 'Failed to fetch dynamically imported module' })).toBe(false);
  });
});

describe('isNewBuild', () => {
  const own = ['/assets/index-AAAA.js'];
  it('a server page with other scripts is a new build', () => {
    expect(isNewBuild(['/assets/index-BBBB.js'], own)).toBe(true);
  });
  it('the same scripts, or a page without any (an error page), are not', () => {
    expect(isNewBuild(['/assets/index-AAAA.js'], own)).toBe(false);
    expect(isNewBuild([], own)).toBe(false);
  });
});

describe('reloadIntoNewBuild', () => {
  it('reloads only once every open offline copy has stored what was typed', async () => {
    const doc = new Y.Doc();
    const copy = openOfflineCopy('reload-case', 'token', doc);
    await copy.whenLoaded;
    doc.getMap('facts').set('title', 'skrevet lige før');
    // The copy's writes take their time: the reload waits for them.
    let stored: (done: boolean) => void = () => {};
    const storing = new Promise<boolean>((resolve) => {
      stored = resolve;
    });
    const flush = copy.flush;
    copy.flush = () => storing;
    const reload = vi.fn();
    const reloading = reloadIntoNewBuild(reload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reload).not.toHaveBeenCalled();
    stored(await flush());
    await reloading;
    expect(reload).toHaveBeenCalledTimes(1);

    const probe = new Y.Doc();
    const reader = openOfflineCopy('reload-case', 'token', probe);
    await reader.whenLoaded;
    expect(probe.getMap('facts').get('title')).toBe('skrevet lige før');
    await reader.close();
    await copy.close();
  });

  it('a closed copy no longer holds a reload up', async () => {
    const copy = openOfflineCopy('reload-case-2', 'token', new Y.Doc());
    await copy.whenLoaded;
    copy.flush = () => new Promise(() => {});
    await copy.close();
    const reload = vi.fn();
    await reloadIntoNewBuild(reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
