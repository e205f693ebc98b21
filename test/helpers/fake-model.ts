/**
 * A stand-in "model" for the local Anthropic server: answers drafting requests with a draft built
 * from the prompt it was sent (title, keyphrase and the brief's notes), as a model would, and lets a
 * test slip in an invented claim. Other tasks get the server's default answer for their schema.
 */
import type { MessageRequestView, Responder, ScriptedResponse } from '../servers/anthropic-server.ts';

/** The user prompt's text blocks, joined. */
export function promptText(view: MessageRequestView): string {
  const message = view.body.messages?.at(-1);
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((b: { type?: string; text?: string }) => (b.type === 'text' ? (b.text ?? '') : '')).join('\n');
  return '';
}

/** A responder that drafts from the `<brief>` block; `extra(title)` may add a sentence to a draft. */
export function draftingResponder(extra: (title: string) => string | undefined = () => undefined): Responder {
  return (view) => {
    const schema = view.body.output_config?.format?.schema as { properties?: Record<string, unknown> } | undefined;
    if (!schema?.properties || !('body_markdown' in schema.properties)) return undefined;
    const text = promptText(view);
    const title = /^(?:Title|Product): (.+?)(?: \(SKU .*\))?$/m.exec(text)?.[1] ?? 'Untitled';
    const keyword = /^Focus keyphrase: (.+)$/m.exec(text)?.[1] ?? '';
    const notes = /<brief>\n([\s\S]*?)\n<\/brief>/.exec(text)?.[1] ?? '';
    const body: string[] = [`Here is what you need to know about ${keyword}.`];
    for (const line of notes.split('\n')) {
      if (line.startsWith('## ')) body.push(line);
      else if (line.startsWith('- ')) body.push(line.slice(2));
    }
    const added = extra(title);
    if (added) body.push(added);
    const answer: ScriptedResponse = {
      kind: 'json',
      value: { title, summary: `${title}: a short guide to ${keyword}.`, tags: keyword.split(' '), body_markdown: body.join('\n\n'), image_alts: [] },
    };
    return answer;
  };
}
