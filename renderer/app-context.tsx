/** What every screen shares: language, reference data, organisations, navigation and its guard. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { VocabularyKind } from '../core/model/codes.js';
import type { Country, Organisation, VocabularyTerm } from '../core/model/register.js';
import type { Language } from '../core/api/shell.js';
import { call, setErrorLocaliser } from './api/client.js';
import { keys, queryClient } from './api/queries.js';
import { localiseError } from './api/error-text.js';
import type { MessageKey } from '../core/i18n/locales/window.js';
import { t as translateKey } from '../core/i18n/i18n.js';
import { inLang } from '../core/i18n/localized.js';
import { parseRecordsHash, recordsHash, type RecordsRoute } from './screens/records-route.js';
import { parseOverviewFilter, type OverviewFilter } from './components/overview-filter.js';

export type Route =
  | { view: 'register'; filter?: OverviewFilter }
  | { view: 'overview' }
  | { view: 'home' }
  | { view: 'activity'; id: number | 'new' }
  | { view: 'recipients'; id?: number }
  /** Processor contracts (Art. 28). */
  | { view: 'contracts'; id?: number }
  | { view: 'organisation' }
  | { view: 'reference' }
  /** Department review campaigns (issue 22). */
  | { view: 'campaigns' }
  /** The DPO's action plan (issue 25). */
  | { view: 'actions' }
  /** The breach record and the request log (`#/breaches/new?activity=5`, `#/requests/3`). */
  | RecordsRoute;

export function parseHash(hash: string): Route {
  const records = parseRecordsHash(hash);
  if (records) return records;
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case undefined:
      return { view: 'home' };
    case 'overview':
      return { view: 'overview' };
    case 'register':
      return parts[1] === 'filter' && parts[2] ? { view: 'register', filter: parseOverviewFilter(parts[2]) } : { view: 'register' };
    case 'activity':
      return { view: 'activity', id: parts[1] === 'new' || !parts[1] ? 'new' : Number(parts[1]) };
    case 'recipients':
      return parts[1] ? { view: 'recipients', id: Number(parts[1]) } : { view: 'recipients' };
    case 'contracts':
      return parts[1] ? { view: 'contracts', id: Number(parts[1]) } : { view: 'contracts' };
    case 'organisation':
      return { view: 'organisation' };
    case 'reference':
      return { view: 'reference' };
    case 'campaigns':
      return { view: 'campaigns' };
    case 'actions':
      return { view: 'actions' };
    default:
      return { view: 'register' };
  }
}

export function routeHash(r: Route): string {
  switch (r.view) {
    case 'activity':
      return `#/activity/${r.id}`;
    case 'recipients':
      return r.id ? `#/recipients/${r.id}` : '#/recipients';
    case 'contracts':
      return r.id ? `#/contracts/${r.id}` : '#/contracts';
    case 'records':
      return recordsHash(r);
    case 'register':
      return r.filter ? `#/register/filter/${encodeURIComponent(JSON.stringify(r.filter))}` : '#/register';
    case 'home':
      return '#/';
    default:
      return `#/${r.view}`;
  }
}

/** Keys of the one catalogue (`core/i18n`): the window's words (locales/window.ts) and every area. */
export type Translate = (key: MessageKey | (string & {}), vars?: Record<string, string | number>) => string;

/** The window's translator: i18next over the one catalogue. */
/** French typography: a no-break space before « : ; ! ? » and inside guillemets, so that no line starts with one. */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:;!?»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/([^\s\u00a0\d/:])([;!?»])(?=\s|$)/gu, '$1\u00a0$2');
}

/** Texts that do not come from the catalogue (reference data, vocabularies, the API's values) set in the language's typography. */
export function typography(lang: Language): (text: string) => string {
  return lang === 'fr' ? frenchTypography : (text) => text;
}

export function translator(lang: Language): Translate {
  if (lang === 'fr') return (key, vars) => frenchTypography(translateKey(lang, key, vars));
  return (key, vars) => translateKey(lang, key, vars);
}

export function initialLanguage(stored: string | null, shellLanguage: Language | null, navigatorLanguage: string): Language {
  if (stored === 'fr' || stored === 'en') return stored;
  if (shellLanguage) return shellLanguage;
  return navigatorLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface AppState {
  lang: Language;
  setLang(l: Language): void;
  t: Translate;
  shell: 'electron' | 'web';
  registerFile: string;
  terms: Map<VocabularyKind, VocabularyTerm[]>;
  termLabel(kind: VocabularyKind, code: string): string;
  countries: Country[];
  countryMap: Map<string, Country>;
  countryName(code: string): string;
  reloadReference(): Promise<void>;
  organisations: Organisation[];
  orgId: number | null;
  setOrgId(id: number): void;
  reloadOrganisations(): Promise<Organisation[]>;
  route: Route;
  navigate(r: Route): Promise<boolean>;
  /**
   * A screen declares unsaved changes; navigation and reload then ask first. `source` names a second form
   * on the same screen (a settings field beside an editor), each cleared on its own.
   */
  setDirty(dirty: boolean, source?: string): void;
  confirmLeave(): Promise<boolean>;
  /** Bumped when the register changed under us (another file opened, import): screens reload. */
  generation: number;
  bumpGeneration(): void;
  /** A short message at the bottom of the window. */
  notify(message: string, action?: { label: string; run(): void }): void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}

export function useT(): Translate {
  return useApp().t;
}

export interface Notice {
  id: number;
  message: string;
  action?: { label: string; run(): void };
}

export function AppProvider(props: {
  children: ReactNode;
  initial: { lang: Language; shell: 'electron' | 'web'; file: string; terms: VocabularyTerm[]; countries: Country[]; organisations: Organisation[] };
  onNotice(n: Notice): void;
  askLeave(): Promise<boolean>;
}) {
  const { initial } = props;
  const [lang, setLangState] = useState<Language>(initial.lang);
  const [terms, setTerms] = useState(initial.terms);
  const [countries, setCountries] = useState(initial.countries);
  const [organisations, setOrganisations] = useState(initial.organisations);
  const [orgId, setOrgIdState] = useState<number | null>(() => {
    const saved = Number(localStorage.getItem('art30.org'));
    return initial.organisations.find((o) => o.id === saved)?.id ?? initial.organisations[0]?.id ?? null;
  });
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [generation, setGeneration] = useState(0);
  const dirty = useRef(false);
  const dirtySources = useRef(new Set<string>());
  const currentHash = useRef(location.hash);
  const noticeId = useRef(0);

  const t = useMemo(() => {
    const tr = translator(lang);
    setErrorLocaliser((error) => localiseError(error, tr));
    return tr;
  }, [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((l: Language) => {
    setLangState(l);
    localStorage.setItem('art30.lang', l);
    void call('app/setLanguage', { language: l }).catch(() => undefined);
  }, []);

  const termsByKind = useMemo(() => {
    const m = new Map<VocabularyKind, VocabularyTerm[]>();
    for (const term of [...terms].sort((a, b) => a.sort - b.sort)) {
      const list = m.get(term.kind) ?? [];
      list.push(term);
      m.set(term.kind, list);
    }
    return m;
  }, [terms]);

  const termLabel = useCallback(
    (kind: VocabularyKind, code: string) => {
      const term = termsByKind.get(kind)?.find((x) => x.code === code);
      return term ? typography(lang)(inLang(term, 'label', lang)) : code;
    },
    [termsByKind, lang],
  );

  const sortedCountries = useMemo(() => [...countries].sort((a, b) => inLang(a, 'name', lang).localeCompare(inLang(b, 'name', lang), lang)), [countries, lang]);
  const countryMap = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries]);
  const countryName = useCallback(
    (code: string) => {
      const c = countryMap.get(code);
      return c ? inLang(c, 'name', lang) : code;
    },
    [countryMap, lang],
  );

  const reloadReference = useCallback(async () => {
    const [tm, cs] = await Promise.all([call('reference/terms', {}), call('reference/countries', {}), queryClient.invalidateQueries({ queryKey: keys.reference })]);
    setTerms(tm);
    setCountries(cs);
  }, []);

  const reloadOrganisations = useCallback(async () => {
    const list = await call('organisations/list', {});
    setOrganisations(list);
    setOrgIdState((current) => (list.some((o) => o.id === current) ? current : (list[0]?.id ?? null)));
    return list;
  }, []);

  const setOrgId = useCallback((id: number) => {
    setOrgIdState(id);
    localStorage.setItem('art30.org', String(id));
  }, []);

  const confirmLeave = useCallback(async () => {
    if (!dirty.current) return true;
    const ok = await props.askLeave();
    if (ok) {
      dirtySources.current.clear();
      dirty.current = false;
    }
    return ok;
  }, [props]);

  const navigate = useCallback(
    async (r: Route) => {
      if (!(await confirmLeave())) return false;
      const hash = routeHash(r);
      if (location.hash !== hash) history.pushState(null, '', `${location.pathname}${location.search}${hash}`);
      currentHash.current = hash;
      setRoute(r);
      return true;
    },
    [confirmLeave],
  );

  // Back / forward buttons and typed addresses: the same guard.
  useEffect(() => {
    const onPop = () => {
      const next = location.hash;
      if (next === currentHash.current) return;
      if (!dirty.current) {
        currentHash.current = next;
        setRoute(parseHash(next));
        return;
      }
      const target = next;
      history.replaceState(null, '', `${location.pathname}${location.search}${currentHash.current}`);
      void props.askLeave().then((ok) => {
        if (!ok) return;
        dirtySources.current.clear();
        dirty.current = false;
        history.pushState(null, '', `${location.pathname}${location.search}${target}`);
        currentHash.current = target;
        setRoute(parseHash(target));
      });
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, [props]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const setDirty = useCallback((d: boolean, source = 'screen') => {
    if (d) dirtySources.current.add(source);
    else dirtySources.current.delete(source);
    dirty.current = dirtySources.current.size > 0;
  }, []);

  const value: AppState = {
    lang,
    setLang,
    t,
    shell: initial.shell,
    registerFile: initial.file,
    terms: termsByKind,
    termLabel,
    countries: sortedCountries,
    countryMap,
    countryName,
    reloadReference,
    organisations,
    orgId,
    setOrgId,
    reloadOrganisations,
    route,
    navigate,
    setDirty,
    confirmLeave,
    generation,
    bumpGeneration: () => setGeneration((g) => g + 1),
    notify: (message, action) => props.onNotice({ id: ++noticeId.current, message, action }),
  };
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}
