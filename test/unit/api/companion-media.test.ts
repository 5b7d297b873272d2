/** Media files picked with a document become its audio or page images where it names none. */
import { describe, expect, it } from 'vitest';
import { pairCompanionMedia, withCompanionMedia } from '../../../src/api/companion-media.js';
import type { NekoDocument } from '../../../src/document/types.js';
import { transcript } from '../renderer/documents.js';

describe('media picked with a document', () => {
  it('becomes the audio of a transcript that names none', () => {
    const document = transcript(1);
    const withAudio = withCompanionMedia(document, ['talk.wav']);
    expect(withAudio.media?.audio).toBe('talk.wav');
    expect(document.media).toBeUndefined();
  });

  it('the audio the user picked wins over the one the document names (a renamed recording)', () => {
    const document = { ...transcript(1), media: { audio: 'original.mp3' } };
    expect(withCompanionMedia(document, ['other.wav']).media?.audio).toBe('other.wav');
    expect(withCompanionMedia(document, ['other.wav', 'original.mp3']).media?.audio).toBe(
      'original.mp3',
    );
  });

  it('says which picked files are not used and why', () => {
    const { notUsed } = pairCompanionMedia(transcript(1), ['b.srt', 'page.png', 'a.wav', 'c.wav']);
    expect(notUsed.map((file) => file.name)).toEqual(['b.srt', 'c.wav', 'page.png']);
    expect(notUsed[0]!.reason).toContain('one document opens at a time');
    expect(notUsed[1]!.reason).toContain('only one audio file');
    expect(notUsed[2]!.reason).toBe('a transcript has no page images');
  });

  it('a renamed page image replaces the name the hOCR wrote', () => {
    const scan: NekoDocument = {
      ...transcript(1),
      kind: 'scan',
      pages: [{ index: 0, width: 10, height: 10, image: 'scan_001.png' }],
    };
    const paired = pairCompanionMedia(scan, ['letter.png', 'extra.png', 'talk.ogg']);
    expect(paired.document.pages?.[0]?.image).toBe('letter.png');
    expect(paired.notUsed).toEqual([
      { name: 'talk.ogg', reason: 'a scan has no audio' },
      { name: 'extra.png', reason: 'the scan has 1 page, each with its image already' },
    ]);
  });

  it('fills the page images a scan lacks, in order', () => {
    const scan: NekoDocument = {
      ...transcript(1),
      kind: 'scan',
      pages: [
        { index: 0, width: 10, height: 10 },
        { index: 1, width: 10, height: 10, image: 'known.png' },
        { index: 2, width: 10, height: 10 },
      ],
    };
    const filled = withCompanionMedia(scan, ['notes.txt', 'p1.png', 'p3.jpg']);
    expect(filled.pages?.map((page) => page.image)).toEqual(['p1.png', 'known.png', 'p3.jpg']);
    expect(filled.media?.audio).toBeUndefined();
  });
});
