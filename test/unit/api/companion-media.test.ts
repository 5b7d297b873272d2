/** Media files picked with a document become its audio or page images where it names none. */
import { describe, expect, it } from 'vitest';
import { withCompanionMedia } from '../../../src/api/companion-media.js';
import type { NekoDocument } from '../../../src/document/types.js';
import { transcript } from '../renderer/documents.js';

describe('media picked with a document', () => {
  it('becomes the audio of a transcript that names none', () => {
    const document = transcript(1);
    const withAudio = withCompanionMedia(document, ['talk.wav']);
    expect(withAudio.media?.audio).toBe('talk.wav');
    expect(document.media).toBeUndefined();
  });

  it('keeps the audio a document already names', () => {
    const document = { ...transcript(1), media: { audio: 'original.mp3' } };
    expect(withCompanionMedia(document, ['other.wav']).media?.audio).toBe('original.mp3');
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
