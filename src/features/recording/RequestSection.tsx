import { useState } from 'react';
import type { ChatMessage, MessagePart, Recording, ToolCall } from '../../core/recording/types';
import { Section } from '../../shared/ui/Section';
import { JsonTree, safeStringify } from '../../shared/ui/JsonTree';
import { CopyButton } from '../../shared/ui/CopyButton';
import { LongText } from '../../shared/ui/LongText';
import { visibleControls } from '../../shared/visibleText';
import { roleClasses } from './roles';
import { ToolArguments } from './ToolArguments';

export function RequestSection({ recording }: { recording: Recording }) {
  const { request } = recording;
  return (
    <Section
      id="request"
      title={
        <>
          Request ·{' '}
          {/* Endpoints are case-sensitive identifiers: shown as written, not upper-cased with the heading. */}
          <span className="font-mono normal-case tracking-normal">{visibleControls(`${request.method ?? ''} ${request.endpoint}`.trim())}</span>
        </>
      }
    >
      <ParamsTable params={request.params} />
      {request.tools.length > 0 && <ToolDefinitions recording={recording} />}
      {request.messages.length > 0 ? (
        <MessageList messages={request.messages} />
      ) : (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-zinc-500">Request body</summary>
          <JsonTree value={request.body} defaultDepth={2} />
        </details>
      )}
    </Section>
  );
}

const INLINE_PARAM = 120;

function ParamsTable({ params }: { params: Record<string, unknown> }) {
  const keys = Object.keys(params);
  if (keys.length === 0) return null;
  return (
    <table className="mb-3 text-xs" aria-label="Request parameters">
      <tbody>
        {keys.map((key) => {
          const value = params[key];
          const text = typeof value === 'string' ? value : safeStringify(value);
          return (
            <tr key={key} className="align-top">
              <th scope="row" className="pr-3 text-left font-mono font-normal text-zinc-500">
                {key}
              </th>
              <td className="break-all font-mono">
                {text.length <= INLINE_PARAM ? visibleControls(text) : <JsonTree value={value} defaultDepth={0} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ToolDefinitions({ recording }: { recording: Recording }) {
  const tools = recording.request.tools;
  return (
    <details className="mb-3 rounded border border-zinc-200 dark:border-zinc-800" data-testid="tool-definitions">
      <summary className="cursor-pointer px-2 py-1 text-xs font-medium">
        {tools.length} {tools.length === 1 ? 'tool' : 'tools'} offered: {tools.map((t) => visibleControls(t.name)).join(', ')}
      </summary>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {tools.map((tool, i) => (
          <li key={`${tool.name}-${i}`} className="px-2 py-1.5" data-testid="tool-definition" data-name={tool.name}>
            <div className="font-mono text-[12px] font-semibold">{visibleControls(tool.name)}</div>
            {tool.description && <div className="text-xs text-zinc-600 dark:text-zinc-400">{tool.description}</div>}
            {tool.parameters !== undefined && (
              <details>
                <summary className="cursor-pointer text-[11px] text-zinc-500">parameters (JSON Schema)</summary>
                <JsonTree value={tool.parameters} defaultDepth={3} />
              </details>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function MessageList({ messages, startIndex = 0 }: { messages: ChatMessage[]; startIndex?: number }) {
  const callNames = new Map<string, string>();
  for (const message of messages) for (const call of message.toolCalls) if (call.id) callNames.set(call.id, call.name);
  return (
    <ol className="space-y-2">
      {messages.map((message, i) => (
        <MessageItem key={i} message={message} index={startIndex + i} answers={message.toolCallId ? callNames.get(message.toolCallId) : undefined} />
      ))}
    </ol>
  );
}

function MessageItem({ message, index, answers }: { message: ChatMessage; index: number; answers?: string }) {
  const colors = roleClasses(message.role);
  const plain = message.parts.every((p) => p.type === 'text') ? message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('\n') : null;
  return (
    <li
      data-testid="message"
      data-role={message.role}
      id={message.toolCallId ? `tool-result-${message.toolCallId}` : undefined}
      className={`rounded border border-l-4 border-zinc-200 bg-zinc-50/50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900/40 ${colors.border}`}
    >
      <div className="mb-1 flex items-center gap-2 text-[11px]">
        <span className={`font-mono font-semibold ${colors.text}`}>{visibleControls(message.role)}</span>
        <span className="text-zinc-400">#{index + 1}</span>
        {message.name && <span className="font-mono text-zinc-500">{visibleControls(message.name)}</span>}
        {message.toolCallId && (
          <a href={`#tool-call-${message.toolCallId}`} className="font-mono text-zinc-500 hover:underline">
            answers {answers ? visibleControls(answers) : 'call'} ({visibleControls(message.toolCallId)})
          </a>
        )}
        <span className="flex-1" />
        {plain !== null && plain.length > 0 && <CopyButton text={plain} label={`message ${index + 1}`} />}
      </div>
      {message.parts.map((part, i) => (
        <Part key={i} part={part} />
      ))}
      {message.toolCalls.map((call, i) => (
        <RequestToolCall key={i} call={call} />
      ))}
    </li>
  );
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

function Part({ part }: { part: MessagePart }) {
  if (part.type === 'text') return <LongText text={part.text} className="text-[12.5px]" />;
  if (part.type === 'image') {
    if (!SAFE_IMAGE.test(part.url)) return <JsonPart label={part.label} value={part.url.slice(0, 200)} />;
    return <ImagePart url={part.url} label={part.label} />;
  }
  return <JsonPart label={part.label} value={part.value} />;
}

/** An image in a request: its type and size first, the picture when asked for (they can be megabytes). */
function ImagePart({ url, label }: { url: string; label: string }) {
  const [shown, setShown] = useState(false);
  return (
    <figure data-testid="image-part" data-label={label} className="my-1">
      <button
        type="button"
        aria-expanded={shown}
        onClick={() => setShown(!shown)}
        className="rounded border border-zinc-300 px-2 py-0.5 font-mono text-[11px] text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {shown ? 'Hide' : 'Show'} image · {label}
      </button>
      {shown && <img src={url} alt={label} className="mt-1 max-h-64 max-w-md rounded border border-zinc-200 dark:border-zinc-700" />}
    </figure>
  );
}

function JsonPart({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="my-1 rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800/60">
      <div className="text-[11px] font-medium text-zinc-500">{visibleControls(label)}</div>
      <JsonTree value={value} defaultDepth={1} />
    </div>
  );
}

function RequestToolCall({ call }: { call: ToolCall }) {
  return (
    <div
      data-testid="request-tool-call"
      data-name={call.name}
      data-arguments={call.arguments}
      id={call.id ? `tool-call-${call.id}` : undefined}
      className="mt-1 rounded border border-amber-300/60 bg-amber-50/60 px-2 py-1 dark:border-amber-800/60 dark:bg-amber-950/30"
    >
      <div className="flex items-center gap-2 text-[12px]">
        <span className="text-[11px] text-amber-700 dark:text-amber-400">calls</span>
        <span className="font-mono font-semibold">{visibleControls(call.name)}</span>
        {call.id && (
          <a href={`#tool-result-${call.id}`} className="font-mono text-[11px] text-zinc-500 hover:underline" title="Jump to the tool result">
            {visibleControls(call.id)} → result
          </a>
        )}
      </div>
      <ToolArguments args={call.arguments} />
    </div>
  );
}
