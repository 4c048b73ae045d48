/**
 * Text from scenario files and runs (titles, labels, explanations, file names) put into
 * summary.md, which GitHub renders as a job summary or PR comment. It must stay text: no link, no
 * remote image (a tracking pixel), no @-mention (a notification to a stranger), no HTML, no
 * heading or list that the text did not mean.
 */

/** Prose outside tables and code spans. */
export function markdownText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
      // ones that start links, images, emphasis, code, strike-through and footnotes.
      .replace(/[\\`*_[\]!~#|]/g, (c) => `\\${c}`)
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A bare URL is auto-linked; "https\://" is not.
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`)
      // GitHub finds mentions in the rendered text, so escaping cannot stop them: a zero-width
      // space after the @ does.
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
      // A leading "-", "+" or "1." would start a list.
      .replace(/^([-+]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`))
  );
}
