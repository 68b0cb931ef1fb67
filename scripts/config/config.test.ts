import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig, envToKeyPath } from './load';

function project(ck: unknown): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ck-cfg-'));
  writeFileSync(path.join(d, 'package.json'), JSON.stringify({ name: 'x', connectorkit: ck }));
  return d;
}

describe('loadConfig', () => {
  it('merges defaults < package.json < env < flags and records sources', () => {
    const cwd = project({ api: { title: 'Pkg' }, serve: { port: 8000 } });
    const { config, sources } = loadConfig({ cwd, env: { CONNECTORKIT_SERVE__PORT: '8001', CONNECTORKIT_API__TITLE: 'Env' }, flags: { 'serve.port': 8002 } });
    expect(config.api.title).toBe('Env');
    expect(config.serve.port).toBe(8002);
    expect(config.api.version).toBe('1.0.0');
    expect(sources['api.title']).toBe('env:CONNECTORKIT_API__TITLE');
    expect(sources['serve.port']).toBe('flag');
    expect(Object.isFrozen(config.api)).toBe(true);
  });
  it('names the key path of an invalid value', () => {
    const cwd = project({ serve: { port: 'eighty' }, api: { bogus: 1 } });
    try {
      loadConfig({ cwd, env: {} });
      throw new Error('expected failure');
    } catch (e) {
      const err = e as { code: string; details: Array<{ target: string }> };
      expect(err.code).toBe('CK_CONFIG_INVALID');
      expect(err.details.map((d) => d.target).sort()).toEqual(['api.bogus', 'serve.port']);
    }
  });
  it('maps env names to key paths', () => {
    expect(envToKeyPath('CONNECTORKIT_OUT_DIR')).toBe('outDir');
    expect(envToKeyPath('CONNECTORKIT_SERVE__ENABLE_AUTH')).toBe('serve.enableAuth');
  });
});
