// `coolpapers mcp` driven by the official MCP SDK's client (@modelcontextprotocol/sdk,
// StdioClientTransport) on a store built from the real records (issue #16 point 7): initialize,
// tools/list, and each tool called, its answers checked against the same data read over the
// JSON API of `coolpapers serve` on the same folder.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

import { binary, makeInstance, serve, skipReason } from './api_support.mjs';

describe('coolpapers mcp with the SDK client', { skip: skipReason() ?? false, timeout: 400000 }, () => {
  let instance;
  let client;
  let server;
  before(async () => {
    instance = makeInstance();
    server = await serve(instance.data);
    client = new Client({ name: 'coolpapers-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({
      command: binary, args: ['mcp', '--data', instance.data], stderr: 'pipe',
    }));
  });
  after(async () => {
    await client?.close();
    await server?.stop();
    instance?.remove();
  });

  const api = async (target) => (await fetch(`${server.url}${target}`)).json();
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.content[0].type, 'text');
    assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
    return result;
  };

  test('initialize names the server and offers tools', () => {
    assert.equal(client.getServerVersion().name, 'coolpapers');
    assert.ok(client.getServerCapabilities().tools);
    assert.match(client.getInstructions(), /list_day/);
  });

  test('tools/list gives the five tools with their schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['list_day', 'paper', 'search', 'related', 'faq']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.ok(tool.description.length > 40, tool.name);
      assert.equal(tool.annotations.readOnlyHint, true, tool.name);
    }
  });

  test('list_day answers the day list the API gives', async () => {
    const result = await call('list_day', { expression: 'cs.CL', date: '2025-05-14', show: 5 });
    assert.equal(result.isError, false);
    const expected = await api('/api/arxiv/cs.CL?date=2025-05-14&show=5');
    assert.deepEqual(result.structuredContent, expected);
    assert.equal(result.structuredContent.papers.length, 5);
  });

  test('paper answers papers with their versions, and the ids missing', async () => {
    const result = await call('paper', { ids: ['0704.0001', '2505.07831', '2505.99999'] });
    assert.equal(result.isError, false);
    const { papers, missing } = result.structuredContent;
    assert.deepEqual(papers.map((p) => p.id), ['0704.0001', '2505.07831']);
    assert.deepEqual(missing, ['2505.99999']);
    assert.ok(papers[0].versions.length >= 1);
    assert.equal(papers[0].published, papers[0].versions[0].submitted);
  });

  test('search answers newest first when asked', async () => {
    const result = await call('search', { query: 'language models', sort: 'time', show: 10 });
    assert.equal(result.isError, false);
    const { papers, total } = result.structuredContent;
    assert.ok(total > 10);
    const days = papers.map((p) => p.first_listed);
    assert.deepEqual(days, [...days].sort().reverse());
  });

  test('related answers the papers related to one', async () => {
    const result = await call('related', { id: '2505.07831', show: 5 });
    assert.equal(result.isError, false);
    assert.equal(result.structuredContent.id, '2505.07831');
    assert.ok(result.structuredContent.keywords.length > 0);
    assert.equal(result.structuredContent.papers.length, 5);
  });

  test('faq answers the stored state and never starts a generation', async () => {
    const result = await call('faq', { id: '2505.07831' });
    assert.equal(result.isError, false);
    assert.equal(result.structuredContent.state, 'not_asked');
    assert.equal(result.structuredContent.answer, null);
    const { jobs } = await api('/api/status');
    assert.deepEqual(jobs.llm, { queued: 0, running: 0, done: 0, failed: 0 });
  });

  test('bad arguments are tool errors the agent can read; an unknown tool is refused', async () => {
    const bad = await call('list_day', { expression: 'cs.XX' });
    assert.equal(bad.isError, true);
    assert.match(bad.structuredContent.error.message, /cs\.XX/);
    const unknownPaper = await call('faq', { id: '2505.99999' });
    assert.equal(unknownPaper.isError, true);
    await assert.rejects(client.callTool({ name: 'drop_tables', arguments: {} }), /drop_tables/);
  });
});
