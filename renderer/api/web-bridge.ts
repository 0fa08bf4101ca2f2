/**
 * The Art30Bridge over HTTP, for web mode: POST /api/<procedure> with the run's token, and the
 * server's events (progress) over Server-Sent Events.
 */
import type { AppEvent, Art30Bridge, BridgeResult } from '../../core/api/shell.js';
import { apiError, text } from '../../core/errors.js';

export function createWebBridge(token: string, base = ''): Art30Bridge {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      let event: AppEvent;
      try {
        event = JSON.parse(m.data) as AppEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(event);
    };
  };

  return {
    async invoke(procedure, input) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Art30-Token': token },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch (error) {
        return { ok: false, error: apiError('internal', text('errors.serverSilent', { reason: (error as Error).message })) };
      }
      if (!response.ok) {
        return { ok: false, error: apiError('internal', text('errors.serverRefused', { status: response.status, reason: await response.text() })) };
      }
      return (await response.json()) as BridgeResult<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (!listeners.size && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
