import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { visibleControls } from '../visibleText';

/** An address someone typed or mangled: say what is wrong with it instead of failing. */
export function MalformedAddress({ kind, raw }: { kind: 'recording' | 'test'; raw: string }) {
  return (
    <div role="alert" data-testid="malformed-address" className="p-6 text-zinc-700 dark:text-zinc-300">
      <p className="font-semibold">This address does not name a {kind}.</p>
      <p className="mt-1">
        <code className="break-all font-mono text-[12px]">{visibleControls(raw)}</code> holds a malformed %-escape, so it cannot be read as a
        file {kind === 'recording' ? 'path' : 'test id'}. Pick the {kind} in the list, or{' '}
        <Link className="text-indigo-600 underline dark:text-indigo-400" to={paths.browse()}>
          go back to the list
        </Link>
        .
      </p>
    </div>
  );
}
