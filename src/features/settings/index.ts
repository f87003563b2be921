/** Settings feature: the settings screen, with "Erase everything on this device" (panic wipe). */
export { SettingsScreen } from './settings-screen';
