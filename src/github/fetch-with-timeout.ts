/**
 * Schedules `callback` after `milliseconds` and returns a function that
 * cancels it. `label` names the request, `METHOD url`, so that tests can
 * replace the scheduler and fire the timeout of one request on demand.
 */
export type TimerScheduler = (callback: () => void, milliseconds: number, label: string) => () => void;

export const realTimers: TimerScheduler = (callback, milliseconds) => {
  const timer = setTimeout(callback, milliseconds);
  return () => clearTimeout(timer);
};

/** A request to GitHub that got no complete response in time. */
export class GitHubTimeoutError extends Error {
  constructor(method: string, url: string, milliseconds: number) {
    super(`${method} ${url} timed out after ${milliseconds} ms without a complete response from GitHub`);
    this.name = 'GitHubTimeoutError';
  }
}

export interface TimeoutFetchOptions {
  timeoutMs: number;
  timers?: TimerScheduler;
  /** Called once per attempt with the HTTP status, `timeout` or `network_error`, for metrics. */
  onResult?: (result: string) => void;
}

/**
 * Wraps `fetch` so that every attempt, body included, ends within
 * `timeoutMs`. Octokit turns the thrown `GitHubTimeoutError` into a request
 * error with status 500, which its retry plugin retries like a server error.
 * The body is read here, under the same timer, because a response whose body
 * stalls would otherwise hang the review.
 */
export function createTimeoutFetch(options: TimeoutFetchOptions): typeof fetch {
  const timers = options.timers ?? realTimers;

  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const controller = new AbortController();
    const cancel = timers(() => controller.abort(), options.timeoutMs, `${method} ${requestUrl(input)}`);
    const callerSignal = init?.signal ?? undefined;
    const signal = callerSignal === undefined ? controller.signal : AbortSignal.any([callerSignal, controller.signal]);

    try {
      const response = await fetch(input, { ...init, signal });
      const body = response.status === 204 || response.status === 205 || response.status === 304 ? null : await response.arrayBuffer();
      options.onResult?.(String(response.status));
      return copyResponse(response, body);
    } catch (error) {
      if (controller.signal.aborted && callerSignal?.aborted !== true) {
        options.onResult?.('timeout');
        throw new GitHubTimeoutError(method, requestUrl(input), options.timeoutMs);
      }
      options.onResult?.('network_error');
      throw error;
    } finally {
      cancel();
    }
  };
}

function copyResponse(response: Response, body: ArrayBuffer | null): Response {
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // Octokit reports `response.url`, which a constructed Response leaves empty.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function requestUrl(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}
