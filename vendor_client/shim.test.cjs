'use strict';
/*
 * The core shim hides nothing: `node --test vendor_client/shim.test.cjs` (run by tests/vendor_client).
 * A throwaway HTTP server on 127.0.0.1 answers the vendor client with odd statuses and bodies; each must reach
 * the caller as it was sent: one request, the real status, no parsed-away body.
 */

const assert = require('node:assert/strict');
const http = require('node:http');
const { test } = require('node:test');
const core = require('@objectif-lune/core');
const { OLConnectRestClient, OLConnectNodeRestClient } = require('@objectif-lune/connect-rest-client');

const quiet = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

/** A server that answers every request with `answer(request)`; yields its base URL and the request log. */
async function withServer(answer, body) {
  const seen = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const [status, headers, text] = answer(request);
    response.writeHead(status, headers);
    response.end(text);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${server.address().port}`, seen);
  } finally {
    server.close();
  }
}

function login(request) {
  return request.url.endsWith('/authentication/login') ? [200, { 'Content-Type': 'text/plain' }, 'token'] : null;
}

async function fetchMetadata(base) {
  const rest = new OLConnectRestClient(base, 'user', 'secret', { logger: quiet });
  return new OLConnectNodeRestClient(rest, quiet).jobEntity.fetchJobMetadata(1);
}

test('a status the client has no handler for reaches the caller unchanged, after one request', async () => {
  await withServer((request) => login(request) ?? [503, { 'Retry-After': '1' }, 'busy'], async (base, seen) => {
    await assert.rejects(fetchMetadata(base), (error) => {
      assert.equal(error.constructor.name, 'ServerStatusCodeNotExpected');
      assert.equal(error.statusCode, 503);
      assert.equal(error.body, 'busy');
      return true;
    });
    assert.deepEqual(seen, ['POST /rest/serverengine/authentication/login', 'GET /rest/serverengine/entity/jobs/1/metadata']);
  });
});

test('a 200 whose body is not JSON is an error, not an empty result', async () => {
  await withServer((request) => login(request) ?? [200, { 'Content-Type': 'application/json' }, ''], async (base) => {
    await assert.rejects(fetchMetadata(base), (error) => error.constructor.name === 'OLNodeInternalError');
  });
});

test('the token is sent as auth_token and the credentials as HTTP Basic on login only', async () => {
  const headers = [];
  await withServer(
    (request) => {
      headers.push([request.url, request.headers.authorization, request.headers.auth_token]);
      return login(request) ?? [200, { 'Content-Type': 'application/json' }, '[{"name":"a","value":"007"}]'];
    },
    async (base) => {
      assert.deepEqual(await fetchMetadata(base), Object.assign(Object.create(null), { a: '007' }));
    },
  );
  assert.deepEqual(headers, [
    ['/rest/serverengine/authentication/login', `Basic ${Buffer.from('user:secret').toString('base64')}`, undefined],
    ['/rest/serverengine/entity/jobs/1/metadata', undefined, 'token'],
  ]);
});

test('helpers: URL building encodes, content types keep only the media type', () => {
  const url = core.buildConnectUrl({
    baseUrl: 'http://h:1/',
    restPath: '/rest/x',
    pathParameters: ['a b', 2],
    queryParameters: { levelMode: 'documentSetAll', skipped: undefined },
  });
  assert.equal(url.toString(), 'http://h:1/rest/x/a%20b/2?levelMode=documentSetAll');
  const response = new core.AugmentedResponse({ statusCode: 200, statusMessage: 'OK', headers: { 'content-type': 'Text/Plain; charset=UTF-8' } });
  assert.equal(response.contentType, 'text/plain');
  assert.equal(response.headers.get('Content-Type'), 'Text/Plain; charset=UTF-8');
  assert.throws(() => new core.PostStreamRequest(), core.ShimNotImplemented);
});

/** A workflow server: the submit answers 202 with an operationId header, then `progress` in turn. */
function workflow(progress) {
  let polls = 0;
  return (request) => {
    if (request.url.endsWith('/jobcreation/preset.OL-jobpreset')) return [202, { operationId: 'op-1' }, ''];
    if (request.url.includes('/getProgress/')) return progress[Math.min(polls++, progress.length - 1)];
    if (request.url.endsWith('/getResult/op-1')) return [200, { 'Content-Type': 'text/plain' }, '77'];
    return [500, {}, ''];
  };
}

async function createJobSet(base, percentages) {
  const rest = new OLConnectRestClient(base, 'user', 'secret', { logger: quiet });
  const running = new OLConnectNodeRestClient(rest, quiet).jobCreation.createJobSetFromContentSets('preset', [5]);
  running.on('progress', (percent) => percentages.push(percent));
  return running;
}

test('an operation is polled until done, then its result is asked once', async () => {
  const text = (body) => [200, { 'Content-Type': 'text/plain' }, body];
  const answer = workflow([text('40'), text('done')]);
  await withServer((request) => login(request) ?? answer(request), async (base, seen) => {
    const percentages = [];
    assert.equal(await createJobSet(base, percentages), 77);
    assert.deepEqual(percentages, [40]);
    assert.deepEqual(seen.slice(1), [
      'POST /rest/serverengine/workflow/jobcreation/preset.OL-jobpreset',
      'GET /rest/serverengine/workflow/jobcreation/getProgress/op-1',
      'GET /rest/serverengine/workflow/jobcreation/getProgress/op-1',
      'POST /rest/serverengine/workflow/jobcreation/getResult/op-1',
    ]);
  });
});

test('a failing progress poll ends the operation with that error, after one poll', async () => {
  const answer = workflow([[503, {}, 'busy']]);
  await withServer((request) => login(request) ?? answer(request), async (base, seen) => {
    await assert.rejects(createJobSet(base, []), (error) => {
      assert.equal(error.constructor.name, 'ServerStatusCodeNotExpected');
      assert.equal(error.statusCode, 503);
      return true;
    });
    assert.equal(seen.filter((line) => line.includes('/getProgress/')).length, 1);
  });
});
