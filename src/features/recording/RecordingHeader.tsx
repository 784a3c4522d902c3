import { Link } from 'react-router';
import type { Recording } from '../../core/recording/types';
import { CopyButton } from '../../shared/ui/CopyButton';
import { Badge } from '../../shared/ui/Badge';
import { visibleControls } from '../../shared/visibleText';
import { paths } from '../../config/paths';
import { plural } from '../../core/units/units';
import { testKeyOf } from '../../core/test-id/testId';

export function RecordingHeader({ recording }: { recording: Recording }) {
  const fileName = recording.path.slice(recording.path.lastIndexOf('/') + 1);
  return (
    <header className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="recording-kind" className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200">
          {recording.kindLabel}
        </span>
        {recording.error && <Badge tone="red">error{recording.error.status ? ` ${recording.error.status}` : ''}</Badge>}
        {recording.model && (
          <span className="font-mono text-xs text-zinc-700 dark:text-zinc-300" title="Model">
            {visibleControls(recording.model)}
          </span>
        )}
        {recording.provider && <Badge>{visibleControls(recording.provider)}</Badge>}
        <span className="font-mono text-xs text-zinc-500" title="Endpoint">
          {visibleControls(recording.endpoint)}
        </span>
        {recording.streaming &&
          (recording.http?.unreadable ? (
            <Badge tone="amber">stream not decoded</Badge>
          ) : (
            <Badge tone="blue">{plural(recording.chunkCount, 'chunk')}</Badge>
          ))}
      </div>
      <div className="mt-2 flex items-start gap-1">
        <div className="min-w-0 flex-1 break-all font-mono text-[13px] font-medium" title="Test ID">
          {recording.testId ? (
            recording.testIdParts ? (
              <Link to={paths.test(testKeyOf(recording.testIdParts))} className="hover:underline" title="Open this test's story">
                {visibleControls(recording.testId)}
              </Link>
            ) : (
              visibleControls(recording.testId)
            )
          ) : (
            <span className="text-zinc-500">no test id (a call made outside a test)</span>
          )}
        </div>
        {recording.testId && <CopyButton text={recording.testId} label="test ID" />}
      </div>
      <div className="mt-1 flex items-center gap-1 text-xs text-zinc-500">
        <span className="break-all font-mono" title={visibleControls(recording.path)} data-testid="file-name-chip">
          {visibleControls(recording.path.slice(0, recording.path.length - fileName.length))}
          <span className="text-zinc-700 dark:text-zinc-300">{visibleControls(fileName)}</span>
        </span>
        <CopyButton text={recording.path} label="file path" />
      </div>
    </header>
  );
}
