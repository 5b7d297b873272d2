// Types for the parts of webvtt-parser (w3c/webvtt.js) that vtt.ts uses; the package ships none.
declare module 'webvtt-parser' {
  export interface WebVTTNode {
    type: 'text' | 'object' | 'timestamp';
    name?: string;
    classes?: string[];
    /** Text of a text node, the annotation of <v>/<lang>, or the time of a timestamp node. */
    value?: string | number;
    children?: WebVTTNode[];
  }

  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    direction: 'horizontal' | 'rl' | 'lr';
    snapToLines: boolean;
    linePosition: number | 'auto';
    lineAlign: string;
    textPosition: number | 'auto';
    positionAlign: string;
    size: number;
    alignment: string;
    text: string;
    tree: { children: WebVTTNode[] } | null;
  }

  export interface WebVTTParseResult {
    cues: WebVTTCue[];
    errors: { message: string; line: number; col?: number }[];
    styles: string[];
  }

  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'subtitles' | 'metadata' | 'chapters'): WebVTTParseResult;
  }

  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
