import type { HttpExchange, HttpHeader, Recording } from '../../core/recording/types';
import { Section } from '../../shared/ui/Section';
import { Badge } from '../../shared/ui/Badge';
import { formatBytes } from '../../core/units/units';
import { visibleControls } from '../../shared/visibleText';

/**
 * What a cassette records beyond the bodies: the HTTP exchange. Headers matter
 * in cassettes (content types, rate limits, what was redacted before
 * committing), so both sides are listed, with recorder-redacted values marked.
 */
export function HttpSection({ recording }: { recording: Recording }) {
  const http = recording.http;
  if (!http) return null;
  return (
    <Section id="http" title="HTTP exchange">
      <div data-testid="http-exchange" data-status={http.status ?? ''} data-provider={http.provider} data-api={http.api} className="space-y-3 text-xs">
        <div className="flex flex-wrap items-center gap-2">
          {http.method && <span className="font-mono font-semibold">{visibleControls(http.method)}</span>}
          <span className="break-all font-mono text-zinc-700 dark:text-zinc-300">{visibleControls(http.url ?? '(no URL recorded)')}</span>
          {http.status !== null && <Badge tone={http.status >= 400 ? 'red' : 'green'}>HTTP {http.status}</Badge>}
          <Badge title="Provider, from the host">{http.provider}</Badge>
          <Badge tone="blue" title="API, from the path">
            {http.api}
          </Badge>
          {recording.cassette && (
            <span className="text-zinc-500">
              interaction {recording.cassette.index} of <span className="font-mono">{visibleControls(recording.cassette.file)}</span>
            </span>
          )}
        </div>
        <HeaderTable side="request" title="Request headers" headers={http.requestHeaders} />
        <HeaderTable side="response" title="Response headers" headers={http.responseHeaders} />
      </div>
    </Section>
  );
}

function HeaderTable({ side, title, headers }: { side: 'request' | 'response'; title: string; headers: HttpHeader[] }) {
  const redacted = headers.filter((header) => header.redacted).length;
  return (
    <details open={side === 'response' || headers.length <= 12} data-testid={`${side}-headers`}>
      <summary className="cursor-pointer font-semibold text-zinc-600 dark:text-zinc-400">
        {title} ({headers.length}
        {redacted > 0 ? `, ${redacted} redacted` : ''})
      </summary>
      {headers.length === 0 ? (
        <p className="mt-1 italic text-zinc-500">none recorded</p>
      ) : (
        <table className="mt-1 w-full border-collapse font-mono text-[11.5px]">
          <tbody>
            {headers.map((header, i) => (
              <tr
                key={i}
                data-testid="http-header"
                data-side={side}
                data-name={header.name}
                data-redacted={header.redacted ? 'true' : 'false'}
                className="border-t border-zinc-100 align-top dark:border-zinc-800"
              >
                <th scope="row" className="w-1/4 py-0.5 pr-3 text-left font-medium text-zinc-600 dark:text-zinc-400">
                  {visibleControls(header.name)}
                </th>
                <td className="break-all py-0.5">
                  {header.redacted ? (
                    <span className="inline-flex items-center gap-1.5">
                      <span className="italic text-zinc-500">{visibleControls(header.value)}</span>
                      <Badge tone="amber" title="The recorder replaced this value before the cassette was saved">
                        redacted
                      </Badge>
                    </span>
                  ) : (
                    visibleControls(header.value)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** "unreadable: brotli-compressed body" and what is known about it; the rest of the interaction stays readable. */
export function UnreadableBody({ http, streaming }: { http: HttpExchange; streaming: boolean }) {
  if (!http.unreadable) return null;
  return (
    <div
      data-testid="unreadable-body"
      role="note"
      className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-[12.5px] text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span className="font-semibold">unreadable: {http.unreadable}</span>
      {http.bodyBytes !== undefined && <span> · {formatBytes(http.bodyBytes)}</span>}
      <div className="mt-0.5 text-xs">
        {streaming ? 'This stream is recorded in binary and is not decoded here. ' : 'The body cannot be shown as text. '}
        The request, status and headers are still shown.
      </div>
    </div>
  );
}
