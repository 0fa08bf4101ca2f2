import { z } from 'zod';
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../../services/organisations.js';
import type { OrganisationInput } from '../../model/schemas.js';
import { deleteOrganisationAndActivities } from '../../services/organisation-delete.js';
import { procedure } from '../procedure.js';
import { content, empty, id, version } from './common.js';

export const organisationProcedures = {
  'organisations/list': procedure({ summary: 'Organisations in the register', input: empty, run: (reg) => listOrganisations(reg) }),
  'organisations/get': procedure({ summary: 'One organisation', input: z.object({ id }), run: (reg, i) => getOrganisation(reg, i.id) }),
  'organisations/create': procedure({
    summary: 'Add an organisation',
    input: z.object({ organisation: content }),
    run: (reg, i, meta) => createOrganisation(reg, i.organisation as OrganisationInput, meta),
  }),
  'organisations/update': procedure({
    summary: 'Change an organisation, its representative or its DPO',
    input: z.object({ id, version, organisation: content }),
    run: (reg, i, meta) => updateOrganisation(reg, i.id, i.version, i.organisation as OrganisationInput, meta),
  }),
  'organisations/delete': procedure({
    summary: 'Delete an organisation that has no activity',
    input: z.object({ id, version }),
    run: (reg, i, meta) => deleteOrganisation(reg, i.id, i.version, meta),
  }),
  'organisations/deleteWithActivities': procedure({
    summary: 'Delete an organisation and its activities, once its name was typed; a backup of the register is written first',
    input: z.object({ id, version, confirmName: z.string().max(500).optional() }),
    run: (reg, i, meta) => deleteOrganisationAndActivities(reg, i.id, i.version, i.confirmName, meta),
  }),
};
