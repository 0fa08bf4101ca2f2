/** The app's home: the overview once the register has activities, else the register (and its first steps). */
import { useEffect, useState } from 'react';
import type { Route } from '../app-context.js';
import { useApp } from '../app-context.js';
import { call } from '../api/client.js';
import { OverviewScreen } from './overview.js';
import { RegisterView, type RegisterViewProps } from './register-view.js';

export { OverviewScreen };

export function HomeScreen(props: RegisterViewProps & { route: Route }) {
  const app = useApp();
  const [hasActivities, setHasActivities] = useState<boolean | null>(null);
  const isHome = props.route.view === 'home';
  useEffect(() => {
    if (!isHome) return;
    let live = true;
    call('register/info', {})
      .then((i) => live && setHasActivities(i.activities > 0))
      .catch(() => live && setHasActivities(false));
    return () => {
      live = false;
    };
  }, [isHome, app.generation]);
  const { route, ...rest } = props;
  if (isHome) {
    if (hasActivities === null) return <div className="screen" aria-busy="true" />;
    if (hasActivities) return <OverviewScreen />;
  }
  return <RegisterView {...rest} overviewFilter={route.view === 'register' ? route.filter : undefined} />;
}
