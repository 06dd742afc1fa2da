#!/usr/bin/env node
// The `sunlight` command. The code base is TypeScript run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../infra/cli/main.ts');
