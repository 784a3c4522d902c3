import { Component, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { CopyButton } from './CopyButton';

interface Props {
  /** Names the panel and the file, so the card says what broke where. */
  panel: string;
  file?: string;
  children: ReactNode;
}

interface BoundaryProps extends Props {
  /** The address: a failed panel gets a fresh try once the user navigates elsewhere. */
  location: string;
}

interface State {
  error: Error | null;
}

/**
 * One per panel: a bug in one view becomes a card, the rest of the page keeps
 * working, and navigating anywhere else renders the panel afresh (a card must
 * not outlive the address that caused it).
 */
export function PanelBoundary(props: Props) {
  const { pathname, search } = useLocation();
  return <Boundary {...props} location={pathname + search} />;
}

class Boundary extends Component<BoundaryProps, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(previous: BoundaryProps) {
    const moved = previous.file !== this.props.file || previous.panel !== this.props.panel || previous.location !== this.props.location;
    if (this.state.error && moved) {
      this.setState({ error: null });
    }
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const details = `Panel: ${this.props.panel}\nFile: ${this.props.file ?? '(none)'}\n${error.name}: ${error.message}\n${error.stack ?? ''}`;
    return (
      <div
        role="alert"
        data-testid="panel-error"
        className="m-2 rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
      >
        <div className="font-semibold">The {this.props.panel} view failed{this.props.file ? ` for ${this.props.file}` : ''}.</div>
        <div className="mt-1 font-mono text-xs">{error.message}</div>
        <div className="mt-2 flex gap-2">
          <CopyButton text={details} label="details" className="border border-red-300 dark:border-red-800" />
          <button type="button" className="text-xs underline" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
