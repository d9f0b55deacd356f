// The API as documented (issue #16 point 7): src/web/api/openapi.json is valid OpenAPI 3.1
// (@seriousme/openapi-schema-validator), is what /api/openapi.json serves, and every operation
// it lists answers a real instance as it says: a documented status, a documented content type,
// and a JSON body that its schema accepts (ajv, JSON Schema 2020-12), for the documented
// examples and for a malformed path parameter; API answers are open to other origins (CORS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';

import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { makeInstance, repository, serve, skipReason } from './api_support.mjs';

const documentText = readFileSync(join(repository, 'src/web/api/openapi.json'), 'utf8');
const document = JSON.parse(documentText);

// Operations not called: they start work outside the instance (a FAQ generation downloads the
// PDF from arXiv). Their documented shapes are those of the GETs beside them.
const notCalled = new Set(['askFaq']);

test('openapi.json is a valid OpenAPI 3.1 description', async () => {
  const validator = new Validator();
  const result = await validator.validate(document);
  assert.equal(validator.version, '3.1');
  assert.deepEqual(result.errors, undefined, JSON.stringify(result.errors, null, 2));
  assert.equal(result.valid, true);
});

// ajv over the document: component references made absolute so any schema in it compiles.
const documentId = 'https://coolpapers.invalid/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(documentText.replaceAll('"#/components/', `"${documentId}#/components/`)), documentId);

function resolveRef(object) {
  if (!object?.$ref) return object;
  const path = object.$ref.replace(/^#\//, '').split('/');
  return resolveRef(path.reduce((node, key) => node[key], document));
}

function absoluteRefs(schema) {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${documentId}#/components/`));
}

// Each call an operation gets: its path with every combination of path-parameter examples, and
// the query parameters that have an example. The malformed call puts "x..y" in every path
// parameter.
function callsOf(path, operation) {
  const parameters = (operation.parameters ?? []).map(resolveRef);
  let targets = [path];
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    const values = parameter.examples ? Object.values(parameter.examples).map((e) => e.value)
      : parameter.example !== undefined ? [parameter.example] : [];
    if (parameter.in === 'path') {
      assert.ok(values.length > 0, `${path}: path parameter ${parameter.name} needs an example`);
      targets = targets.flatMap((t) => values.map((v) => t.replace(`{${parameter.name}}`, encodeURIComponent(v))));
    } else if (parameter.in === 'query' && values.length > 0) {
      query.set(parameter.name, String(values[0]));
    } else if (parameter.in === 'query') {
      assert.ok(!parameter.required, `${path}: required query parameter ${parameter.name} needs an example`);
    }
  }
  const suffix = query.size > 0 ? `?${query}` : '';
  const calls = targets.map((target) => ({ target: target + suffix, malformed: false }));
  if (path.includes('{')) calls.push({ target: path.replace(/\{[^}]+\}/g, 'x..y'), malformed: true });
  return calls;
}

describe('every documented operation answers as documented', { skip: skipReason() ?? false, timeout: 400000 }, () => {
  let instance;
  let server;
  before(async () => {
    instance = makeInstance();
    server = await serve(instance.data);
  });
  after(async () => {
    await server?.stop();
    instance?.remove();
  });

  test('/api/openapi.json serves the document', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(await response.json(), document);
  });

  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (notCalled.has(operation.operationId)) continue;
      test(`${method.toUpperCase()} ${path} (${operation.operationId})`, async () => {
        for (const call of callsOf(path, operation)) {
          const what = `${method.toUpperCase()} ${call.target}`;
          const response = await fetch(`${server.url}${call.target}`, { method: method.toUpperCase() });
          const status = String(response.status);
          const documented = operation.responses[status];
          assert.ok(documented, `${what}: answered ${status}, documented ${Object.keys(operation.responses)}`);
          if (call.malformed) assert.ok(response.status >= 400, `${what}: a malformed parameter answered ${status}`);
          const content = resolveRef(documented).content ?? {};
          const type = (response.headers.get('content-type') ?? '').split(';')[0];
          assert.ok(content[type], `${what}: ${status} as ${type}, documented ${Object.keys(content)}`);
          if (path.startsWith('/api/') && method === 'get') {
            assert.equal(response.headers.get('access-control-allow-origin'), '*', `${what}: no CORS header`);
          }
          const body = await response.text();
          if (type !== 'application/json') continue;
          const validate = ajv.compile(absoluteRefs(content[type].schema));
          assert.ok(validate(JSON.parse(body)), `${what}: ${status} body does not match its schema: ` +
            `${ajv.errorsText(validate.errors)}\n${body.slice(0, 500)}`);
        }
      });
    }
  }

  test('papers carry their version dates', async () => {
    const kaggle = await (await fetch(`${server.url}/api/arxiv/0704.0001`)).json();
    const [paper] = kaggle.papers;
    assert.ok(paper.versions.length >= 1);
    assert.equal(paper.published, paper.versions[0].submitted);
    assert.equal(paper.updated, paper.versions.at(-1).submitted);
    assert.match(paper.published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
