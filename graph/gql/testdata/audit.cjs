// Runs graphql-http's server audits (the GraphQL over HTTP spec's MUST,
// SHOULD and MAY checks) against the URL given, and prints one JSON array
// of {id, name, status, reason}. Used by TestGraphQLOverHTTPAudit; needs
// the npm package graphql-http on NODE_PATH.
'use strict';
const { serverAudits } = require('graphql-http');

(async () => {
  const results = [];
  for (const audit of serverAudits({ url: process.argv[2], fetchFn: fetch })) {
    const r = await audit.fn();
    results.push({ id: audit.id, name: audit.name, status: r.status, reason: r.reason || '' });
  }
  process.stdout.write(JSON.stringify(results));
})().catch((err) => { console.error(err); process.exit(1); });
