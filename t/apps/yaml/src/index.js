/*
 * yaml: parse YAML request bodies (anchors, aliases, multi-line strings,
 * flow collections, multiple documents), stringify JSON to YAML, edit a
 * document while keeping its comments, and report syntax errors with their
 * position.
 */
import YAML, { parseAllDocuments, parseDocument, stringify } from 'yaml';

const CONFIG = `# service configuration
name: fcworker   # the program
defaults: &defaults
  retries: 3
  timeout: 2.5
production:
  <<: *defaults
  timeout: 10
hosts: [alpha, beta]
motd: |
  Welcome!
  Be nice.
`;

export default {
  async fetch(request) {
    const url = new URL(request.url);
    try {
      if (url.pathname === '/parse' && request.method === 'POST') {
        return Response.json(YAML.parse(await request.text(), { merge: true }));
      }
      if (url.pathname === '/stringify' && request.method === 'POST') {
        const data = await request.json();
        return new Response(stringify(data, { indent: 2 }), { headers: { 'content-type': 'text/yaml' } });
      }
      if (url.pathname === '/config') {
        return Response.json(YAML.parse(CONFIG, { merge: true }));
      }
      if (url.pathname === '/edit') {
        const doc = parseDocument(CONFIG);
        doc.setIn(['production', 'retries'], 5);
        doc.set('hosts', doc.createNode(['alpha', 'beta', 'gamma'], { flow: true }));
        return new Response(doc.toString(), { headers: { 'content-type': 'text/yaml' } });
      }
      if (url.pathname === '/multi' && request.method === 'POST') {
        const docs = parseAllDocuments(await request.text());
        return Response.json(docs.map((d) => d.toJS()));
      }
      return new Response('not found', { status: 404 });
    } catch (e) {
      return Response.json({ error: e.name, code: e.code ?? null, line: e.linePos?.[0]?.line ?? null }, { status: 400 });
    }
  },
};
