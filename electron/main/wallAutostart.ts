/**
 * Command-room PCs: start the wall at login on the chosen displays. `--wall-autostart on [--wall-displays
 * all|1,3]` registers the app as a login item that opens the kiosk view; `--wall-autostart off` removes it.
 * Electron's login items exist on Windows and macOS; on Linux the desktop's autostart folder does the same
 * (docs/install.md shows the .desktop line).
 */
export type WallAutostart = 'on' | 'off';

export function parseWallAutostart(value: unknown): WallAutostart | null {
  return value === 'on' || value === 'off' ? value : null;
}

/** The login-item settings for `app.setLoginItemSettings`: the wall's arguments when on, nothing when off. */
export function loginItemFor(mode: WallAutostart, displays: unknown): { openAtLogin: boolean; args: string[] } {
  if (mode === 'off') return { openAtLogin: false, args: [] };
  const chosen = typeof displays === 'string' && /^(auto|all|\d+(,\d+)*)$/.test(displays) ? displays : 'auto';
  return { openAtLogin: true, args: ['--wall', '--wall-displays', chosen] };
}
