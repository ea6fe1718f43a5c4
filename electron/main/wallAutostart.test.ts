import { describe, expect, it } from 'vitest';
import { loginItemFor, parseWallAutostart } from './wallAutostart';

describe('wall at login (command-room PCs)', () => {
  it('registers the kiosk view on the chosen displays, and removes it', () => {
    expect(loginItemFor('on', 'all')).toEqual({ openAtLogin: true, args: ['--wall', '--wall-displays', 'all'] });
    expect(loginItemFor('on', '1,3')).toEqual({ openAtLogin: true, args: ['--wall', '--wall-displays', '1,3'] });
    expect(loginItemFor('off', 'all')).toEqual({ openAtLogin: false, args: [] });
  });

  it('never passes an unchecked display list on to the login item', () => {
    expect(loginItemFor('on', '1; rm -rf /')).toEqual({ openAtLogin: true, args: ['--wall', '--wall-displays', 'auto'] });
    expect(loginItemFor('on', undefined).args).toEqual(['--wall', '--wall-displays', 'auto']);
  });

  it('takes only on or off', () => {
    expect(parseWallAutostart('on')).toBe('on');
    expect(parseWallAutostart('off')).toBe('off');
    expect(parseWallAutostart('yes')).toBeNull();
    expect(parseWallAutostart(true)).toBeNull();
  });
});
