/** The editor's table of contents: a link per section, which scrolls to it and focuses its first field. */
import { useT } from '../../app-context.js';

export const SECTIONS = ['identification', 'actors', 'purposes', 'subjects', 'legal', 'recipients', 'transfers', 'security', 'dpia', 'other', 'dates'] as const;

export function SectionNav() {
  const t = useT();
  return (
    <nav className="section-nav" aria-label={t('editor.sections')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <a
              href={`#sec-${s}`}
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(`sec-${s}`);
                el?.scrollIntoView({ block: 'start' });
                el?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
              }}
            >
              {t(`sec.${s}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Moves to the field a message names (`dataCategories[2].name`), or to the nearest enclosing one shown. */
export function focusPath(path: string): void {
  let p = path;
  for (;;) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
      return;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return;
    p = p.slice(0, cut);
  }
}
