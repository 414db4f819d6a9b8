// Entry of the resident page (/).
import { start } from './app.js';

start({ mode: 'resident' });
