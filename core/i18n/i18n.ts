/**
 * The one language system of Art30 (i18next). The renderer, Electron's menus, the exports, the
 * compliance checks and the CLI all translate through it: services return codes with parameters
 * (`Message`), and the words are chosen where they are shown.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { catalogue } from './catalogue.js';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageParams = Record<string, string | number | boolean | null | undefined>;

/** A text to show, as a catalogue key and its parameters; translated where it is shown. */
export interface Message {
  key: string;
  params?: MessageParams;
}

export function msg(key: string, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

let instance: I18n | undefined;

/** The shared i18next instance, initialised synchronously with the whole catalogue. */
export function i18n(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: { fr: { translation: catalogue.fr }, en: { translation: catalogue.en } },
      lng: 'fr',
      fallbackLng: 'en',
      supportedLngs: [...LANGS],
      // Keys are flat strings such as `import.warning.unknownCountry`: no nesting, no namespaces in keys.
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  return instance;
}

/** Translates a key in a language; plurals through i18next (`key_one`, `key_other` with `count`). */
export function t(lang: Lang, key: string, params?: MessageParams): string {
  return i18n().getFixedT(lang)(key, params as Record<string, unknown>) as string;
}

export function translate(lang: Lang, message: Message): string {
  return t(lang, message.key, message.params);
}

export function hasKey(key: string): boolean {
  return i18n().exists(key) || i18n().exists(`${key}_other`);
}
