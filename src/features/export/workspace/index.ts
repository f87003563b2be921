/** The reviewer's workspace: received files as cases (`#/received`), and one case (`#/received/<file id>`). */
export { WorkspaceScreen } from './workspace-screen';
export { CaseScreen } from './case-screen';
