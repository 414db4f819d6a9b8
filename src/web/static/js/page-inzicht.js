// Entry of the insight page (/inzicht): the anonymous figures per wijk.
import { startInsight } from './insight.js';

startInsight();
