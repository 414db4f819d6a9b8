// Entry of the Servicepunt XL desk page (/balie).
import { start } from './app.js';
import { createDesk } from './desk.js';

start({ mode: 'desk', desk: createDesk() });
