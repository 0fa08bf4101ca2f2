/** What every section of the activity editor receives. */
import type { Activity, DpiaAssessment, Organisation, Recipient } from '../../../core/model/register.js';
import type { ActivityFields } from '../../../core/model/schemas.js';
import type { AppState, Translate } from '../../app-context.js';

export interface SectionProps {
  form: ActivityFields;
  /** `set('name')(value)`: one field of the form. */
  set: <K extends keyof ActivityFields>(key: K) => (value: ActivityFields[K]) => void;
  t: Translate;
  app: AppState;
  /** The organisation whose register this is. */
  org: Organisation | undefined;
  isNew: boolean;
  hasSpecial: boolean;
  dpia: DpiaAssessment;
  /** The recipient directory, for the pickers. */
  directory: Recipient[];
  activity: Activity | null;
}
