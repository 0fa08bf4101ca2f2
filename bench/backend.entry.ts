/** The register's process for the hop bench: the same entry Electron main starts (electron/backend-main.ts). */
import '../electron/backend-main.js';
