/** The interview wizard. The app shell renders WizardScreen for `#/draft/<id>/<section>`. */
export { WizardScreen, type WizardScreenProps } from './wizard-screen';
