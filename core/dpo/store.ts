import { DpoWorkStore } from '../../db/dpo-work-store.js';
import type { Register } from '../register.js';

const stores = new WeakMap<Register, DpoWorkStore>();
/** The SQL of the DPO's work over this register's file. */
export function dpoStore(reg: Register): DpoWorkStore {
  let s = stores.get(reg);
  if (!s) stores.set(reg, (s = new DpoWorkStore(reg.sqlite)));
  return s;
}
