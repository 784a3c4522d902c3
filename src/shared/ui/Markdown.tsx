import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import { LongText } from './LongText';
import { markdownRefusal } from './markdownGuard';

/**
 * Model output rendered as markdown with raw HTML skipped, images never
 * loaded (they become their alt text) and links limited to http(s)/mailto.
 */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#)/i.test(cleaned) ? cleaned : '';
}

export function Markdown({ text, testId }: { text: string; testId?: string }) {
  const refusal = markdownRefusal(text);
  if (refusal) {
    return (
      <div data-testid={testId}>
        <p data-testid="markdown-refused" className="mb-1 text-xs text-amber-700 dark:text-amber-400">
          {refusal}
        </p>
        <LongText text={text} />
      </div>
    );
  }
  return (
    <div data-testid={testId} className="markdown-body text-[13px] leading-relaxed">
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        components={{
          img: ({ alt }) => <span className="text-zinc-500">[image: {alt || 'no description'}]</span>,
          a: ({ href, children }) =>
            href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
