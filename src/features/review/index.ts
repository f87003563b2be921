/** The review and decision screen. The app shell renders ReviewScreen for `#/draft/<id>/review`. */
export { ReviewScreen, type ReviewScreenProps } from './review-screen';
export { FlagList } from './flag-list';
export { formatAnswer } from './format-answer';
