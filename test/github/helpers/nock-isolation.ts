import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

/**
 * Blocks real network access for the test file and fails every test that
 * leaves a mock unused or sends a request no mock expects. The App catches
 * some request errors on purpose, so an unexpected request would otherwise
 * pass unnoticed.
 */
export function useNockIsolation(options: { allowedHosts?: readonly string[] } = {}): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string; host?: string; hostname?: string }): void => {
    // nock reports requests to hosts a test lets through with `enableNetConnect` as unmatched too.
    const host = request.hostname ?? request.host?.replace(/:\d+$/, '');
    if (host !== undefined && options.allowedHosts?.includes(host) === true) return;
    unexpected.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    for (const host of options.allowedHosts ?? []) nock.enableNetConnect(host);
    nock.emitter.on('no match', recordUnexpected);
  });
  beforeEach(() => {
    nock.cleanAll();
    unexpected.length = 0;
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'mocked GitHub requests the App never sent').toEqual([]);
    expect(unexpected, 'requests the App sent that no mock expected').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });
}
