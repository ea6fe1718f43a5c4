import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, externalHttpsUrl, isAppUrl, resolveInside } from './safeUrls';

describe('isAppUrl', () => {
  it('accepts only app://console', () => {
    expect(isAppUrl('app://console/index.html#/queue')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://console.evil/index.html')).toBe(false);
    expect(isAppUrl('https://console/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('externalHttpsUrl', () => {
  it('lets https through and nothing else', () => {
    expect(externalHttpsUrl('https://www.gov.cn/zhengce/')).toBe('https://www.gov.cn/zhengce/');
    expect(externalHttpsUrl('http://www.gov.cn/')).toBeNull();
    expect(externalHttpsUrl('file:///C:/Windows/System32/calc.exe')).toBeNull();
    expect(externalHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(externalHttpsUrl('smb://host/share')).toBeNull();
    expect(externalHttpsUrl('')).toBeNull();
  });
});

describe('resolveInside', () => {
  const root = path.resolve('/srv/renderer');

  it('maps request paths to files under the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/%E7%BD%91%E6%A0%BC.js')).toBe(path.join(root, 'assets', '网格.js'));
  });

  it('refuses anything that leaves the root', () => {
    expect(resolveInside(root, '/../secret.txt')).toBeNull();
    expect(resolveInside(root, '/assets/../../secret.txt')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveInside(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInside(root, '/..%5csecret.txt')).toBe(path.sep === '\\' ? null : path.join(root, '..\\secret.txt'));
    expect(resolveInside(root, '/index.html%00.png')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/')).toBeNull();
  });
});

describe('contentTypeOf', () => {
  it('names the types the renderer ships', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('fonts/x.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('data.bin')).toBe('application/octet-stream');
  });
});
