#!/usr/bin/env node
// The `art30` command as it was first named: the same as cli/bin/art30.cjs (package.json "bin"),
// which starts quicker (no ES module loader for its first file).
import './art30.cjs';
