/**
 * The options of the app's one window, and where it goes on screen: pure functions, asserted by
 * the unit tests without Electron.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;

/** The BrowserWindow constructor (injected: Electron in main, a recorder in the unit tests). */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the app's one window. The options are written out here, at the `new BrowserWindow`,
 * so that static analysis (electronegativity) sees them: the renderer runs sandboxed, isolated
 * from the preload, without Node, with web security on, without webviews.
 */
export function createAppWindow<W>(BrowserWindow: WindowConstructor<W>, preload: string, bounds: WindowBounds, options: { title?: string; devTools?: boolean } = {}): W {
  return new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: options.title ?? 'Art30',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      enableWebSQL: false,
      devTools: options.devTools ?? false,
    },
  });
}

/** The options `createAppWindow` passes to BrowserWindow. */
export function windowOptions(preload: string, bounds: WindowBounds, options: { title?: string; devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  class Recorder {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  return createAppWindow(Recorder, preload, bounds, options).options;
}

/** The renderer's web preferences. */
export function webPreferences(preload: string): WebPreferences {
  return windowOptions(preload, DEFAULT_BOUNDS).webPreferences ?? {};
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The bounds to restore: the saved ones when they are sane and at least partly visible on one of
 * the current displays' work areas (a screen may have been unplugged), shrunk to fit; else the
 * default size, centred.
 */
export function restoreBounds(saved: unknown, workAreas: Rectangle[]): WindowBounds {
  const s = saved as Partial<WindowBounds> | null | undefined;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!s || typeof s !== 'object' || !finite(s.width) || !finite(s.height)) return { ...DEFAULT_BOUNDS };
  const maximized = s.maximized === true;
  const width = Math.max(MIN_WIDTH, Math.round(s.width));
  const height = Math.max(MIN_HEIGHT, Math.round(s.height));
  if (!finite(s.x) || !finite(s.y)) return { width, height, maximized };
  const rect = { x: Math.round(s.x), y: Math.round(s.y), width, height };
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(rect, area);
    if (o > bestArea) {
      bestArea = o;
      best = area;
    }
  }
  // At least a 100×50 piece (the title bar) must show, or the window would be lost off-screen.
  if (!best || bestArea < 100 * 50) return { width: Math.min(width, workAreas[0]?.width ?? width), height: Math.min(height, workAreas[0]?.height ?? height), maximized };
  const w = Math.min(width, best.width);
  const h = Math.min(height, best.height);
  const x = Math.min(Math.max(rect.x, best.x), best.x + best.width - w);
  const y = Math.min(Math.max(rect.y, best.y), best.y + best.height - h);
  return { x, y, width: w, height: h, maximized };
}
