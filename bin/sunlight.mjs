#!/usr/bin/env -S node --max-semi-space-size=64
// The `sunlight` command. The code base is TypeScript run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../infra/cli/main.ts');
