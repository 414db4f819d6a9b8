// Entry of the organisations' page (/organisatie).
import { startOrganisation } from './organisation.js';

startOrganisation();
