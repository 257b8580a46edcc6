import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

/**
 * Blocks real network access for the test file and fails every test that
 * leaves a mock unused or sends a request no mock expects. The App catches
 * some request errors on purpose, so an unexpected request would otherwise
 * pass unnoticed.
 */
export function useNockIsolation(): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string }): void => {
    unexpected.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
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
