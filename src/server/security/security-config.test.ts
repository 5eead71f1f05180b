import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY, securityConfigFromEnv } from './security-config.js';

describe('securityConfigFromEnv', () => {
  it('keeps the defaults for an empty environment', () => {
    const config = securityConfigFromEnv({});
    expect(config).toMatchObject({
      origins: [],
      trustProxy: false,
      rateLimits: DEFAULT_SECURITY.rateLimits,
    });
    expect(config.session.idleMs).toBe(2 * 3_600_000);
    expect(config.session.absoluteMs).toBe(7 * 24 * 3_600_000);
  });

  it('reads the operator settings', () => {
    const config = securityConfigFromEnv({
      SOVIET_ORIGIN: 'https://soviet.example/, https://mirror.example',
      SOVIET_TRUST_PROXY: '1',
      SOVIET_SESSION_IDLE_MINUTES: '30',
      SOVIET_SESSION_MAX_HOURS: '12',
      SOVIET_RATE_LIMITS: 'off',
      SOVIET_WEB_ROOT: '/srv/web',
    });
    expect(config).toMatchObject({
      origins: ['https://soviet.example', 'https://mirror.example'],
      trustProxy: 1,
      rateLimits: false,
      webRoot: '/srv/web',
      session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
    });
    expect(securityConfigFromEnv({ SOVIET_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(securityConfigFromEnv({ SOVIET_TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy).toBe(
      '10.0.0.1,10.0.0.2',
    );
  });

  it('refuses a timeout that is not a positive whole number', () => {
    for (const bad of ['0', '-5', '1.5', 'soon'])
      expect(() => securityConfigFromEnv({ SOVIET_SESSION_IDLE_MINUTES: bad })).toThrow(
        /SOVIET_SESSION_IDLE_MINUTES must be a positive whole number/,
      );
  });
});
