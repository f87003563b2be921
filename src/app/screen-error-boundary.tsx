import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Shown instead of the screen when it throws (or its code chunk cannot be loaded). */
  fallback: ReactNode;
  /** When this changes (another route), the boundary tries the new screen afresh. */
  resetKey: string;
}

interface State {
  failed: boolean;
}

/**
 * Keeps the shell (header, language switcher, update prompt) alive when one screen fails.
 * Logs only the error's name: messages can carry answers, which must never reach a console.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error instanceof Error ? error.name : 'screen failed');
  }

  override componentDidUpdate(prevProps: Props): void {
    if (prevProps.resetKey !== this.props.resetKey && this.state.failed) {
      this.setState({ failed: false });
    }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
