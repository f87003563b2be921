/** The review and decision screen. The app shell renders ReviewScreen for `#/draft/<id>/review`. */
export { ReviewScreen, type ReviewScreenProps } from './review-screen';
