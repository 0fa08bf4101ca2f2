/** The application version, shown in the UI and written into exports. Keep in step with package.json. */
export const APP_VERSION = '0.1.0';
