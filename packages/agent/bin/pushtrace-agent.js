#!/usr/bin/env node
// Thin launcher so the bin exists before the first build; the code is in dist/.
import '../dist/main.js';
