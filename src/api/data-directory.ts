import { homedir } from 'node:os';
import path from 'node:path';

/** Overrides where NeKo Studio keeps its own files (recovery of unsaved work); tests point it at a temp folder. */
export const DATA_DIRECTORY_ENV = 'NEKO_DATA_DIR';

/**
 * The folder for the data NeKo Studio keeps for the user between runs, by the platform's custom:
 * `$NEKO_DATA_DIR` when set; `%LOCALAPPDATA%\NeKo Studio` on Windows (recovery files belong to this
 * machine, not to a roaming profile); `~/Library/Application Support/NeKo Studio` on macOS;
 * `$XDG_DATA_HOME/neko-studio` (by default `~/.local/share/neko-studio`) elsewhere. Browser mode
 * and the app use the same folder, so work left by one is offered by the other too.
 */
export function defaultDataDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[DATA_DIRECTORY_ENV];
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || env.APPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'NeKo Studio');
  }
  if (platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'NeKo Studio');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and is to be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'neko-studio');
}
