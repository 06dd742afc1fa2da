// Worker threads start without the TypeScript loader the main thread runs under; register it,
// then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./rebuild-events-worker.ts');
