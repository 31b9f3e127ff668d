/**
 * An invented saved page for the HTML tests: a harbour story with a
 * `<title>` carrying the site's name, three paragraphs, and room for more
 * `<head>` markup.
 */

/** A page around `body`, with `head` added to its <head>. */
export const page = (body: string, head = ''): string =>
  `<!doctype html>\n<html>\n<head>\n<title>Harbour reopens after storm | The Coast Times</title>\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** Three paragraphs of the story. */
export const PARAGRAPHS = [
  '<p>The harbour reopened on Monday after the storm, officials said, and the first ships queued to enter as cranes resumed work along the quay.</p>',
  '<p>The port authority said damage to the sea wall was lighter than it had feared, though repairs to two berths would take several weeks.</p>',
  '<p>Fishermen who had kept their boats upriver for a week began returning on the morning tide, and the fish market opened again on Tuesday.</p>',
].join('\n');

/** The story as an `<article>` with its headline. */
export const ARTICLE = `<article><h1>Harbour reopens after storm</h1>\n${PARAGRAPHS}\n</article>`;
