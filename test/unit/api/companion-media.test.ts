/** Media files picked with a document become its audio or page images where it names none. */
import { describe, expect, it } from 'vitest';
import { withCompanionMedia } from '../../../src/api/companion-media.js';
import type { NekoDocument } from '../../../src/document/types.js';

function transcript(): NekoDocument {
  return {
    version: 1,
    kind: 'transcript',
    task: 'asr',
    title: 'Weekly meeting',
    source: { format: 'srt', name: 'meeting.srt' },
    segments: [{ id: 's1', source: 'hello', text: 'hello', start: 0, end: 1 }],
  };
}

describe('media picked with a document', () => {
  it('becomes the audio of a transcript that names none', () => {
    const document = transcript();
    const withAudio = withCompanionMedia(document, ['talk.wav']);
    expect(withAudio.media?.audio).toBe('talk.wav');
    expect(document.media).toBeUndefined();
  });

  it('keeps the audio a document already names', () => {
    const document = { ...transcript(), media: { audio: 'original.mp3' } };
    expect(withCompanionMedia(document, ['other.wav']).media?.audio).toBe('original.mp3');
  });

  it('fills the page images a scan lacks, in order', () => {
    const scan: NekoDocument = {
      ...transcript(),
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
