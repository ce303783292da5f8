import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Result } from '../../shared/contract';
import { isAppUrl } from '../app/app-origin';
import type { Logger } from '../services/log';
import type { EventBus } from './events';
import type { Router } from './router';

/**
 * Binds the contract to Electron IPC. Every call is checked before the router sees it:
 * it must come from the main frame of a window this app created, showing our own
 * app:// page. Anything else (a sub-frame, a destroyed frame, a page that somehow navigated
 * away, a web contents we did not create) gets PERMISSION_DENIED and a log line.
 */

/** What the sender check needs to know about the frame that sent a message. */
export interface SenderFacts {
  /** Null when the frame navigated away or was destroyed before we looked. */
  frameUrl: string | null;
  isMainFrame: boolean;
  fromOurWindow: boolean;
}

/** Returns why a sender is refused, or null when it may call. Pure. */
export function refuseSender(facts: SenderFacts): string | null {
  if (facts.frameUrl === null) return 'the sending frame is gone';
  if (!facts.fromOurWindow) return 'the sender is not a Flotilla window';
  if (!facts.isMainFrame) return 'the sender is a sub-frame';
  if (!isAppUrl(facts.frameUrl))
    return `the sender shows ${JSON.stringify(facts.frameUrl.slice(0, 200))}, not the app`;
  return null;
}

/** Reads the facts from a real IPC event. */
export function senderFacts(
  event: IpcMainInvokeEvent,
  isOurWebContents: (contents: WebContents) => boolean,
): SenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame && frame.parent === null,
    fromOurWindow: isOurWebContents(event.sender),
  };
}

export interface ElectronTransportOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Router;
  events: EventBus;
  /** True for the web contents of a window the window factory created. */
  isOurWebContents(contents: WebContents): boolean;
  /** Where events go: the web contents of every open window. */
  targets(): Iterable<WebContents>;
  log: Logger;
}

/** Registers the call handler and forwards events; returns a function that undoes both. */
export function bindElectronTransport(options: ElectronTransportOptions): () => void {
  const { ipcMain, router, events, log } = options;
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
      const refusal = refuseSender(senderFacts(event, options.isOurWebContents));
      if (refusal) {
        log.warn(`Refused IPC call ${JSON.stringify(String(name).slice(0, 80))}: ${refusal}`);
        return fail('PERMISSION_DENIED', `Call refused: ${refusal}`);
      }
      return router.dispatch(name, input);
    },
  );
  const unsubscribe = events.subscribe((name, payload) => {
    for (const contents of options.targets()) {
      if (contents.isDestroyed()) continue;
      if (!isAppUrl(contents.getURL())) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
