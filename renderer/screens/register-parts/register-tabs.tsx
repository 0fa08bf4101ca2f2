/** The controller and processor registers as two tabs (arrow keys move between them), with their counts. */
import { useT } from '../../app-context.js';
import type { RegisterTab } from './use-register-search.js';

export function RegisterTabs(props: { tab: RegisterTab; counts: Record<RegisterTab, number>; onChange(tab: RegisterTab): void }) {
  const t = useT();
  const { tab } = props;
  return (
    <div role="tablist" aria-label={t('register.tabs')} className="tabs">
      {(['controller', 'processor'] as const).map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          id={`tab-${k}`}
          aria-selected={tab === k}
          aria-controls="register-panel"
          tabIndex={tab === k ? 0 : -1}
          className={tab === k ? 'tab active' : 'tab'}
          onClick={() => props.onChange(k)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              const next = k === 'controller' ? 'processor' : 'controller';
              props.onChange(next);
              document.getElementById(`tab-${next}`)?.focus();
            }
          }}
        >
          {k === 'controller' ? t('register.controllerTab') : t('register.processorTab')}
          <span className="tab-count">{props.counts[k]}</span>
        </button>
      ))}
    </div>
  );
}
