import { describe, expect, it } from 'vitest';
import { launchCommand } from '../../../src/api/server.js';

describe('the command that started the server, as messages name it', () => {
  it('names the npm script the user ran', () => {
    expect(launchCommand({ npm_lifecycle_event: 'serve' }, [])).toBe('npm run serve');
    expect(launchCommand({ npm_lifecycle_event: 'start' }, [])).toBe('npm start');
  });

  it('names the program and script when npm did not start it', () => {
    expect(launchCommand({}, ['/usr/bin/node', '/app/dist/server/serve.js'])).toBe('node serve.js');
    expect(launchCommand({}, [])).toBe('the NeKo Studio server');
  });
});
