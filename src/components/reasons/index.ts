export { useReasonText } from './use-reason-text';
