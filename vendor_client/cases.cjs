'use strict';
/*
 * The cases the driver runs: one table per service of the spec, each case one call of the vendor client and
 * the outcomes the pages and spec/DECISIONS.md allow for it. A service the spec adds later joins by adding
 * a table to SERVICES and its class to COVERED (every public method of a covered class needs a case).
 *
 * An expectation is {ok: VALUE}, {check: FN, label: TEXT} or {error: CLASS_NAME, status?: CODE, message?: RE}; a case
 * lists every one a documented variant allows (`variants.may(NAME, VALUE)`), so under a known variant only
 * one applies and against a live server any documented one passes. `why` names the decision that explains
 * an outcome where the vendor client and the pages part ways (docs/vendor-client-crosscheck.md).
 */

const UNKNOWN_ID = 987654321;
const MARK = 'vc'; // prefix of the names this driver writes, so a live run's writes are easy to spot

// ---------------------------------------------------------------- helpers

function newClient(context, username, password) {
  const { index } = context.client;
  const rest = new index.OLConnectRestClient(context.config.base_url, username, password, {
    logger: context.logger,
  });
  return { rest, node: new index.OLConnectNodeRestClient(rest, context.logger) };
}

function admin(context) {
  if (!context.state.admin) {
    const { username, password } = context.config.users.admin;
    context.state.admin = newClient(context, username, password);
  }
  return context.state.admin;
}

function loginCount(context) {
  return context.logger.lines.filter((line) => /POST \S+\/authentication\/login/.test(line)).length;
}

const isRecordOfStrings = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
  && Object.values(value).every((item) => typeof item === 'string');
const isIdList = (value) => Array.isArray(value) && value.every((id) => Number.isInteger(id) && id >= 0);
const isPairList = (value) =>
  Array.isArray(value)
  && value.every((pair) => Number.isInteger(pair.item) && Number.isInteger(pair.record));

const RECORD = { check: isRecordOfStrings, label: 'name -> value object' };
const ID_LIST = { check: isIdList, label: 'array of IDs' };
const NON_EMPTY_ID_LIST = { check: (v) => isIdList(v) && v.length > 0, label: 'non-empty array of IDs' };
const EMPTY_RECORD = { ok: {} };
const sorted = (record) => JSON.stringify(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
/** The same names and values in any order (a merge may put a changed name anywhere). */
const sameRecord = (record) => ({ check: (v) => isRecordOfStrings(v) && sorted(v) === sorted(record), label: JSON.stringify(record) });

/** An entity ID that names nothing: 404 (OLC-04 default) or an empty 200; `on404` may list several outcomes. */
function unknownId(variants, on404, onEmpty) {
  const may404 = variants.may('olc.unknown-id', '404');
  return [...[].concat(on404).map((outcome) => may404 && outcome), variants.may('olc.unknown-id', 'empty-200') && onEmpty];
}

/** What the client makes of a body it parses as JSON when it is plain text or empty: the parse error, wrapped. */
const PARSE_ERROR = { error: 'OLNodeInternalError', message: /^SyntaxError\b/ };

/**
 * An entity operation's 400 or 404 that reaches one of the client's own handlers (RejectNotFound,
 * RejectBadRequest, a service's createServerErrorHandler): each reads the body as a JSON Error whatever its
 * type, so a plain-text or empty body (olc.entity-error-body=text|none, OLC-05) ends in the parse error
 * instead of `handled` (docs/vendor-client-crosscheck.md row 18). A 400/404 with no handler stays
 * ServerStatusCodeNotExpected whatever the body, so those cases need no such list.
 */
function entityError(variants, handled) {
  return [
    variants.may('olc.entity-error-body', 'json') && handled,
    (variants.may('olc.entity-error-body', 'text') || variants.may('olc.entity-error-body', 'none')) && PARSE_ERROR,
  ];
}

/** True when the server may check credentials (olc.security=on), false when it may check none (OLC-22). */
const secured = (variants) => variants.may('olc.security', 'on');
const open = (variants) => variants.may('olc.security', 'off');

/**
 * Wrong credentials at login. The client's login 401 handler parses the body as a JSON Error whatever its
 * type, so no body (olc.error-body=none) or a plain-text "Error message" (text) ends in the JSON parse error
 * wrapped as OLNodeInternalError (docs/vendor-client-crosscheck.md rows 2 and 14). With security off
 * (OLC-22) nothing is refused: `whenOpen` is what the call then gives.
 */
function unauthorised(variants, whenOpen) {
  return [
    secured(variants) && variants.may('olc.error-body', 'json') && { error: 'Unauthorised', status: 401 },
    secured(variants) && variants.may('olc.error-body', 'none') && PARSE_ERROR,
    secured(variants) && variants.may('olc.error-body', 'text') && PARSE_ERROR,
    open(variants) && whenOpen,
  ];
}

/** A login that succeeded, without the token itself (the report never prints one). */
async function loginShape(promise) {
  const answer = await promise;
  return { token: typeof answer.token === 'string' && answer.token.length > 0, tokenExpiresIn: answer.tokenExpiresIn };
}
const ANY_TOKEN = { check: (v) => v.token === true, label: 'a token (security off: anyone may log in, OLC-22)' };

function release(context) {
  const text = context.variants.value('olc.server-version') ?? context.state.version ?? '';
  const match = /(\d{4})\.(\d{1,2})/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function atLeast(context, year, minor) {
  const r = release(context);
  return r !== null && (r[0] > year || (r[0] === year && r[1] >= minor));
}

function needsWrites(context) {
  return context.config.allow_writes ? undefined : 'writes are off (set CONTRACT_ALLOW_WRITES=1)';
}

function needsId(name) {
  return (context) => (context.config.ids[name] === undefined ? `no ${name} ID configured` : undefined);
}

function needsUser(name) {
  return (context) => (context.config.users[name] ? undefined : `no ${name} user configured (mock only)`);
}

// ---------------------------------------------------------------- Authentication

const authentication = {
  name: 'authentication',
  cases: [
    {
      method: 'login',
      name: 'good credentials',
      // The client reads the token whatever the content type; the page (OLC-17) says text/plain.
      call: async (c) => {
        const seen = c.logger.responses.length;
        const answer = await new c.client.AuthenticationService(admin(c).rest)
          .login(c.config.users.admin.username, c.config.users.admin.password);
        const response = c.logger.responses[seen] ?? {};
        return { token: answer.token.length > 0, tokenExpiresIn: answer.tokenExpiresIn, contentType: response.contentType };
      },
      expect: (c) => [
        c.variants.may('olc.token-expires-in', 'present') && {
          check: (v) => v.token && v.contentType === 'text/plain' && Number.isInteger(v.tokenExpiresIn) && v.tokenExpiresIn > 0
            && (c.config.token_ttl === undefined || v.tokenExpiresIn === c.config.token_ttl),
          label: `text/plain token and Token-Expires-In ${c.config.token_ttl ?? '(any)'}`,
        },
        c.variants.may('olc.token-expires-in', 'absent') && {
          check: (v) => v.token && v.contentType === 'text/plain' && v.tokenExpiresIn === 3600,
          label: 'text/plain token; no Token-Expires-In, so the client assumes 3600 s',
        },
      ],
      why: 'OLC-03, OLC-17',
    },
    {
      method: 'login',
      name: 'wrong password',
      call: (c) => loginShape(new c.client.AuthenticationService(admin(c).rest)
        .login(c.config.users.admin.username, `${c.config.users.admin.password}-wrong`)),
      expect: (c) => unauthorised(c.variants, ANY_TOKEN),
      why: 'OLC-02, OLC-22',
    },
    {
      method: 'login',
      name: 'unknown user',
      call: (c) => loginShape(new c.client.AuthenticationService(admin(c).rest).login(`${MARK}-no-such-user`, 'x')),
      expect: (c) => unauthorised(c.variants, ANY_TOKEN),
      why: 'OLC-02, OLC-22',
    },
    {
      method: 'handshake',
      name: 'logged in',
      call: (c) => new c.client.AuthenticationService(admin(c).rest).handshake(),
      expect: () => [{ ok: true }],
    },
    {
      method: 'getVersion',
      name: 'logged in',
      call: async (c) => {
        const text = await new c.client.AuthenticationService(admin(c).rest).getVersion();
        c.state.version = text;
        return text;
      },
      expect: (c) => {
        const release = c.variants.value('olc.server-version');
        return [{
          check: (v) => typeof v === 'string' && /^\d{4}\.\d{1,2}/.test(v) && (release === undefined || v.startsWith(`${release}.`)),
          label: `YYYY.N version${release ? ` ${release}.*` : ''}`,
        }];
      },
    },
  ],
};

// The client-level authentication methods of OLConnectRestClient (what an application calls).
const session = {
  name: 'client',
  cases: [
    {
      method: 'login',
      name: 'fresh client',
      call: async (c) => {
        await admin(c).rest.login();
        return admin(c).rest.isAuthenticationTokenValid();
      },
      expect: () => [{ ok: true }],
    },
    { method: 'handshake', name: 'valid token', call: (c) => admin(c).rest.handshake(), expect: () => [{ ok: true }] },
    { method: 'authenticate', name: 'reuse token', call: (c) => admin(c).rest.authenticate(false), expect: () => [{ ok: undefined }] },
    { method: 'authenticate', name: 'force new token', call: (c) => admin(c).rest.authenticate(true), expect: () => [{ ok: undefined }] },
    { method: 'ready', name: 'logged in', call: (c) => admin(c).rest.ready(), expect: () => [{ ok: undefined }] },
    {
      method: 'version',
      name: 'cached version',
      call: async (c) => {
        const text = await admin(c).rest.version();
        c.state.version = text;
        return text;
      },
      expect: () => [{ check: (v) => /^\d{4}\.\d{1,2}/.test(v), label: 'YYYY.N version' }],
    },
    {
      method: 'handshake',
      name: 'unknown token',
      call: (c) => {
        admin(c).rest.authenticationModel.token = `${MARK}-unknown-token`;
        return admin(c).rest.handshake();
      },
      // With security off the server serves any token, so the client's handshake answers true.
      expect: (c) => [secured(c.variants) && { ok: false }, open(c.variants) && { ok: true }],
      why: 'OLC-01, OLC-22',
    },
    {
      method: 'requestWithToken',
      name: 'unknown token: one re-login, then the read',
      call: async (c) => {
        admin(c).rest.authenticationModel.token = `${MARK}-unknown-token`;
        const before = loginCount(c);
        const seen = c.logger.responses.length;
        const metadata = await admin(c).node.jobEntity.fetchJobMetadata(c.config.ids.job);
        const refused = c.logger.responses[seen]?.status;
        return { refused, relogins: loginCount(c) - before, read: isRecordOfStrings(metadata) };
      },
      needs: needsId('job'),
      // The client logs in again on a 401 or a 403 alike (OLC-01 allows both for an unknown token).
      expect: (c) => [
        secured(c.variants) && c.variants.may('olc.invalid-credentials', '401') && { ok: { refused: 401, relogins: 1, read: true } },
        secured(c.variants) && c.variants.may('olc.invalid-credentials', '403') && { ok: { refused: 403, relogins: 1, read: true } },
        open(c.variants) && { ok: { refused: 200, relogins: 0, read: true } },
      ],
      why: 'OLC-01, OLC-22',
    },
    {
      method: 'requestWithToken',
      name: 'expired token: one re-login, then the read',
      needs: (c) => (c.config.mock_admin ? needsId('job')(c) : 'needs the mock admin route to expire tokens'),
      call: async (c) => {
        await admin(c).rest.login();
        const response = await fetch(`${c.config.base_url}/_mock/expire-tokens`, {
          method: 'POST',
          headers: { [c.config.mock_admin.header]: c.config.mock_admin.token },
        });
        if (!response.ok) throw new Error(`expire-tokens answered ${response.status}`);
        const before = loginCount(c);
        const metadata = await admin(c).node.jobEntity.fetchJobMetadata(c.config.ids.job);
        return { relogins: loginCount(c) - before, read: isRecordOfStrings(metadata) };
      },
      expect: (c) => [secured(c.variants) && { ok: { relogins: 1, read: true } }, open(c.variants) && { ok: { relogins: 0, read: true } }],
      why: 'OLC-22',
    },
    {
      method: 'requestWithToken',
      name: 'wrong password',
      needs: needsId('job'),
      call: (c) => newClient(c, c.config.users.admin.username, `${c.config.users.admin.password}-wrong`)
        .node.jobEntity.fetchJobMetadata(c.config.ids.job),
      expect: (c) => unauthorised(c.variants, RECORD),
      why: 'OLC-02, OLC-22',
    },
    {
      method: 'requestWithToken',
      name: 'read-only user writes',
      needs: (c) => needsUser('viewer')(c) ?? needsId('job')(c),
      call: (c) => newClient(c, c.config.users.viewer.username, c.config.users.viewer.password)
        .node.jobEntity.updateJobProperties(c.config.ids.job, { [`${MARK}_denied`]: '1' }),
      // A 403 body is read as text (reportServerAuthenticationFailed), so olc.error-body does not matter.
      expect: (c) => [secured(c.variants) && { error: 'Forbidden', status: 403 }, open(c.variants) && { ok: true }],
      why: 'OLC-01, OLC-22',
    },
    {
      method: 'requestWithToken',
      name: 'user without roles reads',
      needs: (c) => needsUser('norole')(c) ?? needsId('job')(c),
      call: (c) => newClient(c, c.config.users.norole.username, c.config.users.norole.password)
        .node.jobEntity.fetchJobMetadata(c.config.ids.job),
      expect: (c) => [secured(c.variants) && { error: 'Forbidden', status: 403 }, open(c.variants) && RECORD],
      why: 'OLC-01, OLC-22',
    },
  ],
};

/**
 * Plain HTTP with Basic credentials, outside the vendor client: the exact lists a write will change are read
 * before and put back after (a live server keeps its data; CONTRACT_ALLOW_WRITES=1 is still required).
 */
async function raw(c, method, urlPath, body) {
  const { username, password } = c.config.users.admin;
  const headers = { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${c.config.base_url}/rest/serverengine${urlPath}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${urlPath} answered ${response.status}`);
  return method === 'GET' ? response.json() : undefined;
}

function restoring(paths) {
  return {
    setUp: async (c) => {
      if (!c.config.allow_writes) return;
      c.state.saved = [];
      for (const [idName, suffix] of paths) {
        const id = c.config.ids[idName];
        if (id !== undefined) c.state.saved.push([`${suffix(id)}`, id, await raw(c, 'GET', suffix(id))]);
      }
    },
    tearDown: async (c) => {
      for (const [urlPath, id, properties] of c.state.saved ?? []) await raw(c, 'PUT', urlPath, { id, properties });
    },
  };
}

// ---------------------------------------------------------------- Job Entity

const jobs = (c) => admin(c).node.jobEntity;

const jobEntity = {
  name: 'jobEntity',
  ...restoring([['job', (id) => `/entity/jobs/${id}/metadata`], ['job', (id) => `/entity/jobs/${id}/properties`]]),
  cases: [
    { method: 'fetchJobSegmentIdsForJob', name: 'known job', needs: needsId('job'), call: (c) => jobs(c).fetchJobSegmentIdsForJob(c.config.ids.job), expect: () => [ID_LIST] },
    {
      method: 'fetchContentItemDataRecordLinksForJob',
      name: 'known job',
      needs: needsId('job'),
      call: (c) => jobs(c).fetchContentItemDataRecordLinksForJob(c.config.ids.job),
      expect: () => [{ check: isPairList, label: 'array of {item, record} (the page; the typings say contentItemId/dataRecordId)' }],
      why: 'client typings',
    },
    { method: 'fetchJobMetadata', name: 'known job', needs: needsId('job'), call: (c) => jobs(c).fetchJobMetadata(c.config.ids.job), expect: () => [RECORD] },
    { method: 'fetchJobProperties', name: 'known job', needs: needsId('job'), call: (c) => jobs(c).fetchJobProperties(c.config.ids.job), expect: () => [RECORD] },
    {
      method: 'fetchJobSegmentIdsForJob',
      name: 'unknown job',
      call: (c) => jobs(c).fetchJobSegmentIdsForJob(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: [] }),
      why: 'OLC-04',
    },
    {
      method: 'fetchContentItemDataRecordLinksForJob',
      name: 'unknown job',
      call: (c) => jobs(c).fetchContentItemDataRecordLinksForJob(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), { ok: [] }),
      why: 'OLC-04, OLC-05',
    },
    {
      method: 'fetchJobMetadata',
      name: 'unknown job',
      call: (c) => jobs(c).fetchJobMetadata(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05',
    },
    {
      method: 'fetchJobProperties',
      name: 'unknown job',
      call: (c) => jobs(c).fetchJobProperties(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'JobNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05',
    },
    {
      method: 'fetchJobMetadata',
      name: 'malformed ID "abc"',
      call: (c) => jobs(c).fetchJobMetadata('abc'),
      // The read has no 400 handler (any body gives ServerStatusCodeNotExpected); its 404 handler parses JSON.
      expect: (c) => [
        c.variants.may('olc.malformed-id', '400') && { error: 'ServerStatusCodeNotExpected', status: 400 },
        ...entityError(c.variants, { error: 'ResourceNotFound', status: 404 }).map((e) => c.variants.may('olc.malformed-id', '404') && e),
      ],
      why: 'OLC-05',
    },
    {
      method: 'fetchJobMetadata',
      name: 'negative ID -1',
      call: (c) => jobs(c).fetchJobMetadata(-1),
      expect: (c) => [
        c.variants.may('olc.negative-id', 'malformed') && c.variants.may('olc.malformed-id', '400')
          && { error: 'ServerStatusCodeNotExpected', status: 400 },
        ...entityError(c.variants, { error: 'ResourceNotFound', status: 404 })
          .map((e) => c.variants.may('olc.negative-id', 'malformed') && c.variants.may('olc.malformed-id', '404') && e),
        ...(c.variants.may('olc.negative-id', 'unknown')
          ? unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD) : []),
      ],
      why: 'OLC-05',
    },
    {
      method: 'updateJobMetadata',
      name: 'replace (leading zeros kept)',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: async (c) => {
        const seen = c.logger.responses.length;
        const answer = await jobs(c).updateJobMetadata(c.config.ids.job, { [`${MARK}_a`]: 'one', [`${MARK}_zero`]: '007' });
        return { answer, contentType: c.logger.responses[seen]?.contentType ?? null };
      },
      // `true` as text/plain, or an empty 200 (OLC-10): the client takes both as success.
      expect: (c) => [
        c.variants.may('olc.update-answer', 'true') && { ok: { answer: true, contentType: 'text/plain' } },
        c.variants.may('olc.update-answer', 'empty') && { ok: { answer: true, contentType: null } },
      ],
      why: 'OLC-10',
    },
    {
      method: 'fetchJobMetadata',
      name: 'read back exactly what was put',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).fetchJobMetadata(c.config.ids.job),
      expect: () => [{ ok: { [`${MARK}_a`]: 'one', [`${MARK}_zero`]: '007' } }],
    },
    {
      method: 'updateJobMetadata',
      name: 'empty set',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).updateJobMetadata(c.config.ids.job, {}),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobMetadata',
      name: 'read back the empty set',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).fetchJobMetadata(c.config.ids.job),
      expect: () => [EMPTY_RECORD],
    },
    {
      method: 'fetchJobMetadata',
      name: 'read back a name put twice (with plain HTTP)',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      // The client's updates take a name -> value object, so only plain HTTP can send a name twice. Its read
      // folds the list into an object (last value, first place): a server that keeps the list and one that
      // keeps a map (OLC-30) look the same to it.
      call: async (c) => {
        const id = c.config.ids.job;
        await raw(c, 'PUT', `/entity/jobs/${id}/metadata`, {
          id,
          properties: [
            { name: `${MARK}_twice`, value: 'first' },
            { name: `${MARK}_once`, value: 'other' },
            { name: `${MARK}_twice`, value: 'last' },
          ],
        });
        return jobs(c).fetchJobMetadata(id);
      },
      expect: (c) => [
        c.variants.may('olc.property-store', 'list') && { ok: { [`${MARK}_twice`]: 'last', [`${MARK}_once`]: 'other' } },
        c.variants.may('olc.property-store', 'map') && { ok: { [`${MARK}_twice`]: 'last', [`${MARK}_once`]: 'other' } },
      ],
      why: 'OLC-16, OLC-30',
    },
    {
      method: 'updateJobProperties',
      name: 'replace',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).updateJobProperties(c.config.ids.job, { [`${MARK}_p`]: 'x', [`${MARK}_n`]: 42 }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobProperties',
      name: 'read back (numbers sent as strings)',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).fetchJobProperties(c.config.ids.job),
      expect: () => [{ ok: { [`${MARK}_p`]: 'x', [`${MARK}_n`]: '42' } }],
    },
    {
      method: 'updateJobProperties',
      name: 'unknown job',
      needs: needsWrites,
      call: (c) => jobs(c).updateJobProperties(UNKNOWN_ID, { [`${MARK}_p`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04',
    },
    {
      method: 'updateMultipleJobProperties',
      name: 'one job, one new property',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).updateMultipleJobProperties([{ id: c.config.ids.job, properties: { [`${MARK}_m`]: 'merged' } }]),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobProperties',
      name: 'read back after the multi-update',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).fetchJobProperties(c.config.ids.job),
      expect: (c) => [
        c.variants.may('olc.multi-update', 'merge') && { ok: { [`${MARK}_p`]: 'x', [`${MARK}_n`]: '42', [`${MARK}_m`]: 'merged' } },
        c.variants.may('olc.multi-update', 'replace') && { ok: { [`${MARK}_m`]: 'merged' } },
      ],
      why: 'OLC-09',
    },
    {
      method: 'updateMultipleJobProperties',
      name: 'the same job twice',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      // The client sends the list as given; it has no 400 handler for the multi-update.
      call: async (c) => {
        const id = c.config.ids.job;
        c.state.beforeRepeat = await jobs(c).fetchJobProperties(id);
        c.state.repeatRefused = true;
        const answer = await jobs(c).updateMultipleJobProperties([
          { id, properties: { [`${MARK}_r1`]: 'first', [`${MARK}_rr`]: '1' } },
          { id, properties: { [`${MARK}_rr`]: '2' } },
        ]);
        c.state.repeatRefused = false;
        return answer;
      },
      expect: (c) => [
        c.variants.may('olc.multi-update-repeats', 'reject') && { error: 'ServerStatusCodeNotExpected', status: 400 },
        c.variants.may('olc.multi-update-repeats', 'apply') && { ok: true },
      ],
      why: 'OLC-33',
    },
    {
      method: 'fetchJobProperties',
      name: 'read back after the same job twice',
      needs: (c) => needsWrites(c) ?? needsId('job')(c),
      call: (c) => jobs(c).fetchJobProperties(c.config.ids.job),
      // Refused: nothing changed. Applied in list order: merged (the second value wins) or replaced twice.
      expect: (c) => {
        const before = c.state.beforeRepeat;
        const applied = !c.state.repeatRefused && c.variants.may('olc.multi-update-repeats', 'apply');
        return [
          c.state.repeatRefused && c.variants.may('olc.multi-update-repeats', 'reject') && { ok: before },
          applied && c.variants.may('olc.multi-update', 'merge') && sameRecord({ ...before, [`${MARK}_r1`]: 'first', [`${MARK}_rr`]: '2' }),
          applied && c.variants.may('olc.multi-update', 'replace') && sameRecord({ [`${MARK}_rr`]: '2' }),
        ];
      },
      why: 'OLC-09, OLC-33',
    },
    {
      method: 'updateMultipleJobProperties',
      name: 'empty list',
      needs: needsWrites,
      call: (c) => jobs(c).updateMultipleJobProperties([]),
      expect: () => [{ ok: true }],
    },
    {
      method: 'updateMultipleJobProperties',
      name: 'unknown job',
      needs: needsWrites,
      call: (c) => jobs(c).updateMultipleJobProperties([{ id: UNKNOWN_ID, properties: { [`${MARK}_m`]: 'x' } }]),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: true }),
      why: 'OLC-04',
    },
  ],
};

// ---------------------------------------------------------------- Job Segment Entity

const segments = (c) => admin(c).node.jobSegmentEntity;

const jobSegmentEntity = {
  name: 'jobSegmentEntity',
  ...restoring([['job_segment', (id) => `/entity/jobsegments/${id}/metadata`]]),
  cases: [
    { method: 'fetchDocumentSetIdsForJobSegment', name: 'known segment', needs: needsId('job_segment'), call: (c) => segments(c).fetchDocumentSetIdsForJobSegment(c.config.ids.job_segment), expect: () => [ID_LIST] },
    { method: 'fetchJobSegmentMetadata', name: 'known segment', needs: needsId('job_segment'), call: (c) => segments(c).fetchJobSegmentMetadata(c.config.ids.job_segment), expect: () => [RECORD] },
    {
      method: 'updateJobSegmentMetadata',
      name: 'replace',
      needs: (c) => needsWrites(c) ?? needsId('job_segment')(c),
      call: (c) => segments(c).updateJobSegmentMetadata(c.config.ids.job_segment, { [`${MARK}_s`]: 'segment' }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobSegmentMetadata',
      name: 'read back exactly what was put',
      needs: (c) => needsWrites(c) ?? needsId('job_segment')(c),
      call: (c) => segments(c).fetchJobSegmentMetadata(c.config.ids.job_segment),
      expect: () => [{ ok: { [`${MARK}_s`]: 'segment' } }],
    },
    {
      method: 'fetchDocumentSetIdsForJobSegment',
      name: 'unknown segment',
      call: (c) => segments(c).fetchDocumentSetIdsForJobSegment(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: [] }),
      why: 'OLC-04',
    },
    {
      method: 'fetchJobSegmentMetadata',
      name: 'unknown segment',
      call: (c) => segments(c).fetchJobSegmentMetadata(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05',
    },
    {
      method: 'updateJobSegmentMetadata',
      name: 'unknown segment',
      needs: needsWrites,
      call: (c) => segments(c).updateJobSegmentMetadata(UNKNOWN_ID, { [`${MARK}_s`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04',
    },
  ],
};

// ---------------------------------------------------------------- Statistics

const isCounts = (counts) => Number.isInteger(counts?.sheets) && Number.isInteger(counts?.pages);
const isProperties = (p) => p === undefined
  || (Array.isArray(p) && p.every((item) => typeof item === 'string')) || isRecordOfStrings(p);
const isDocument = (d) => Number.isInteger(d.documentId) && Number.isInteger(d.contentItemId)
  && Number.isInteger(d.dataRecordId) && isCounts(d.counts) && typeof d.media === 'object' && isProperties(d.properties);

/** The job set's own `properties` as one string (olc.statistics-properties=string, OLC-11); the client passes it on. */
const isPropertiesText = (p) => p === undefined || typeof p === 'string';

function isStatistics(jobSetId, level, jobSetProperties) {
  return (s) => {
    if (s.jobSetId !== jobSetId || !isCounts(s.counts) || !Array.isArray(s.media) || !jobSetProperties(s.properties)) return false;
    if (level === 'documentOnly') return Array.isArray(s.documents) && s.documents.every(isDocument) && s.documentSets === undefined;
    if (!Array.isArray(s.documentSets) || s.documents !== undefined) return false;
    return s.documentSets.every((set) => Number.isInteger(set.documentSetId) && isCounts(set.counts)
      && (level === 'documentSetAll' ? Array.isArray(set.documents) && set.documents.every(isDocument) : set.documents === undefined));
  };
}

function statisticsCase(scope, level) {
  return {
    method: 'GetJobSetStatistics',
    name: scope === undefined ? 'default level' : scope,
    needs: needsId('job_set'),
    call: (c) => admin(c).node.statistics.GetJobSetStatistics(c.config.ids.job_set, scope),
    expect: (c) => {
      // The client asks the version first: document-set levels from 2024.2, the service from 2024.1.
      if (level !== 'documentOnly' && !atLeast(c, 2024, 2)) return [{ error: 'DocumentSetStatisticsNotAvailable' }];
      if (!atLeast(c, 2024, 1)) return [{ error: 'StatisticsServiceNotAvailable' }];
      const id = c.config.ids.job_set;
      return [
        c.variants.may('olc.statistics-properties', 'array')
          && { check: isStatistics(id, level, isProperties), label: `${level} statistics of job set ${id}` },
        c.variants.may('olc.statistics-properties', 'string')
          && { check: isStatistics(id, level, isPropertiesText), label: `${level} statistics of job set ${id}, properties as one string` },
      ];
    },
    why: 'OLC-11, OLC-60',
  };
}

const statistics = {
  name: 'statistics',
  // The client decides from the reported version whether to ask at all, so the driver reads it first.
  setUp: async (c) => {
    c.state.version = await admin(c).rest.version();
  },
  cases: [
    statisticsCase(undefined, 'documentOnly'),
    statisticsCase('documentOnly', 'documentOnly'),
    statisticsCase('documentSetOnly', 'documentSetOnly'),
    statisticsCase('documentSetAll', 'documentSetAll'),
    {
      method: 'GetJobSetStatistics',
      name: 'unknown job set',
      call: (c) => admin(c).node.statistics.GetJobSetStatistics(UNKNOWN_ID, undefined),
      expect: (c) => (atLeast(c, 2024, 1) ? [{ error: 'JobSetNotFound', status: 404 }] : [{ error: 'StatisticsServiceNotAvailable' }]),
      why: 'OLC-60',
    },
  ],
};

// ---------------------------------------------------------------- Document Set Entity (OLC-40, OLC-43)

const documentSets = (c) => admin(c).node.documentSetEntity;

/** The path of the last request the client logged for `pattern` (the driver's evidence of what it asked). */
function lastRequested(c, pattern) {
  const line = [...c.logger.lines].reverse().find((text) => pattern.test(text));
  const match = line && /\b(GET|PUT|POST|HEAD) (\S+)/.exec(line);
  return match ? `${match[1]} ${new URL(match[2], c.config.base_url).pathname}` : null;
}

/**
 * fetchDocumentSetMetadata asks GET …/documentsets/{id} (the document ID list), not …/{id}/metadata: the fork
 * fixed the update (BUGS.md Bug 3, patch da3cb83) but not this read. Flattening `{identifiers}` then throws.
 */
async function documentSetMetadataRead(c, id) {
  let outcome;
  try {
    outcome = { ok: await documentSets(c).fetchDocumentSetMetadata(id) };
  } catch (error) {
    outcome = { error: error.constructor.name, status: error.statusCode };
    // A wrapped failure names its cause first ("SyntaxError: …" for a body that is not JSON, row 18).
    if (outcome.error === 'OLNodeInternalError') outcome.cause = String(error.message).split(':')[0];
  }
  return { requested: lastRequested(c, /documentsets\//), ...outcome };
}

const documentSetEntity = {
  name: 'documentSetEntity',
  ...restoring([['document_set', (id) => `/entity/documentsets/${id}/metadata`]]),
  cases: [
    {
      method: 'fetchDocumentIdsForDocumentSet',
      name: 'known document set',
      needs: needsId('document_set'),
      call: (c) => documentSets(c).fetchDocumentIdsForDocumentSet(c.config.ids.document_set),
      expect: () => [ID_LIST],
    },
    {
      method: 'fetchDocumentSetMetadata',
      name: 'known document set (asks the ID list)',
      needs: needsId('document_set'),
      call: (c) => documentSetMetadataRead(c, c.config.ids.document_set),
      expect: (c) => [{ ok: { requested: `GET /rest/serverengine/entity/documentsets/${c.config.ids.document_set}`, error: 'TypeError' } }],
      why: 'client bug (BUGS.md Bug 3, read not patched)',
    },
    {
      method: 'updateDocumentSetMetadata',
      name: 'replace',
      needs: (c) => needsWrites(c) ?? needsId('document_set')(c),
      call: (c) => documentSets(c).updateDocumentSetMetadata(c.config.ids.document_set, { [`${MARK}_ds`]: 'set', [`${MARK}_zero`]: '007' }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'updateDocumentSetMetadata',
      name: 'read back with plain HTTP (the client cannot read it)',
      needs: (c) => needsWrites(c) ?? needsId('document_set')(c),
      call: async (c) => {
        const id = c.config.ids.document_set;
        const list = await raw(c, 'GET', `/entity/documentsets/${id}/metadata`);
        return Object.fromEntries(list.map((item) => [item.name, item.value]));
      },
      expect: () => [{ ok: { [`${MARK}_ds`]: 'set', [`${MARK}_zero`]: '007' } }],
    },
    {
      method: 'fetchDocumentIdsForDocumentSet',
      name: 'unknown document set',
      call: (c) => documentSets(c).fetchDocumentIdsForDocumentSet(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: [] }),
      why: 'OLC-04, OLC-40',
    },
    {
      method: 'fetchDocumentSetMetadata',
      name: 'unknown document set',
      call: (c) => documentSetMetadataRead(c, UNKNOWN_ID),
      // The 404 reaches the read's own 404 handler (which parses the body as JSON, row 18); an empty 200 is an
      // empty ID list, which it cannot flatten.
      expect: (c) => {
        const requested = `GET /rest/serverengine/entity/documentsets/${UNKNOWN_ID}`;
        const bodyNotJson = c.variants.may('olc.entity-error-body', 'text') || c.variants.may('olc.entity-error-body', 'none');
        return unknownId(
          c.variants,
          [
            c.variants.may('olc.entity-error-body', 'json') && { ok: { requested, error: 'ResourceNotFound', status: 404 } },
            bodyNotJson && { ok: { requested, error: 'OLNodeInternalError', cause: 'SyntaxError' } },
          ],
          { ok: { requested, error: 'TypeError' } },
        );
      },
      why: 'OLC-04, OLC-05, client bug (BUGS.md Bug 3)',
    },
    {
      method: 'updateDocumentSetMetadata',
      name: 'unknown document set',
      needs: needsWrites,
      call: (c) => documentSets(c).updateDocumentSetMetadata(UNKNOWN_ID, { [`${MARK}_ds`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04, OLC-40',
    },
  ],
};

// ---------------------------------------------------------------- Document Entity (OLC-40)

const documents = (c) => admin(c).node.documentEntity;

const documentEntity = {
  name: 'documentEntity',
  ...restoring([['document', (id) => `/entity/documents/${id}/metadata`]]),
  cases: [
    { method: 'fetchDocumentMetadata', name: 'known document', needs: needsId('document'), call: (c) => documents(c).fetchDocumentMetadata(c.config.ids.document), expect: () => [RECORD] },
    {
      method: 'updateDocumentMetadata',
      name: 'replace (leading zeros kept)',
      needs: (c) => needsWrites(c) ?? needsId('document')(c),
      call: (c) => documents(c).updateDocumentMetadata(c.config.ids.document, { [`${MARK}_d`]: 'doc', [`${MARK}_zero`]: '007' }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchDocumentMetadata',
      name: 'read back exactly what was put',
      needs: (c) => needsWrites(c) ?? needsId('document')(c),
      call: (c) => documents(c).fetchDocumentMetadata(c.config.ids.document),
      expect: () => [{ ok: { [`${MARK}_d`]: 'doc', [`${MARK}_zero`]: '007' } }],
      why: 'BUGS.md Bugs 2 and 6 (patched in the fork)',
    },
    {
      method: 'fetchDocumentMetadata',
      name: 'unknown document',
      call: (c) => documents(c).fetchDocumentMetadata(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05, OLC-40',
    },
    {
      method: 'updateDocumentMetadata',
      name: 'unknown document',
      needs: needsWrites,
      call: (c) => documents(c).updateDocumentMetadata(UNKNOWN_ID, { [`${MARK}_d`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04, OLC-40',
    },
  ],
};

// ---------------------------------------------------------------- Job Set Entity (OLC-40..42)

const jobSets = (c) => admin(c).node.jobSetEntity;

/**
 * A delete cannot be undone, so it only ever targets the job set given up for it (OLCONNECT_DISPOSABLE_JOB_SET_ID
 * live; the last seeded one on the mock, which is reset before every run), with writes on, and never the job set
 * the other cases read.
 */
function needsDisposable(c) {
  const disposable = c.config.ids.disposable_job_set;
  if (disposable === undefined) return 'no disposable job set configured (OLCONNECT_DISPOSABLE_JOB_SET_ID)';
  if (disposable === c.config.ids.job_set) return 'the disposable job set is the configured job set; nothing is deleted';
  return needsWrites(c);
}

const includes = (id) => ({ check: (v) => isIdList(v) && v.includes(id), label: `array of IDs with ${id}` });
const excludes = (id) => ({ check: (v) => isIdList(v) && !v.includes(id), label: `array of IDs without ${id}` });

/** Poll the job set list until `id` is gone (OLC-42: the contract suite allows 10 s for a deferred delete). */
async function waitUntilGone(c, id) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const ids = await jobSets(c).fetchAllJobSetIds();
    if (!ids.includes(id) || Date.now() > deadline) return ids;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const jobSetEntity = {
  name: 'jobSetEntity',
  ...restoring([['job_set', (id) => `/entity/jobsets/${id}/metadata`], ['job_set', (id) => `/entity/jobsets/${id}/properties`]]),
  cases: [
    {
      method: 'fetchAllJobSetIds',
      name: 'all job sets',
      needs: needsId('job_set'),
      // The client sends no Accept header, so a server that negotiates (OLC-41) gives it the list too.
      call: (c) => jobSets(c).fetchAllJobSetIds(),
      expect: (c) => [includes(c.config.ids.job_set)],
      why: 'OLC-41',
    },
    { method: 'fetchJobIdsForJobSet', name: 'known job set', needs: needsId('job_set'), call: (c) => jobSets(c).fetchJobIdsForJobSet(c.config.ids.job_set), expect: () => [ID_LIST] },
    { method: 'fetchJobSetMetadata', name: 'known job set', needs: needsId('job_set'), call: (c) => jobSets(c).fetchJobSetMetadata(c.config.ids.job_set), expect: () => [RECORD] },
    { method: 'fetchJobSetProperties', name: 'known job set', needs: needsId('job_set'), call: (c) => jobSets(c).fetchJobSetProperties(c.config.ids.job_set), expect: () => [RECORD] },
    {
      method: 'updateJobSetMetadata',
      name: 'replace (leading zeros kept)',
      needs: (c) => needsWrites(c) ?? needsId('job_set')(c),
      call: (c) => jobSets(c).updateJobSetMetadata(c.config.ids.job_set, { [`${MARK}_js`]: 'set', [`${MARK}_zero`]: '007' }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobSetMetadata',
      name: 'read back exactly what was put',
      needs: (c) => needsWrites(c) ?? needsId('job_set')(c),
      call: (c) => jobSets(c).fetchJobSetMetadata(c.config.ids.job_set),
      expect: () => [{ ok: { [`${MARK}_js`]: 'set', [`${MARK}_zero`]: '007' } }],
    },
    {
      method: 'updateJobSetProperties',
      name: 'replace',
      needs: (c) => needsWrites(c) ?? needsId('job_set')(c),
      call: (c) => jobSets(c).updateJobSetProperties(c.config.ids.job_set, { [`${MARK}_p`]: 'x', [`${MARK}_n`]: 42 }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchJobSetProperties',
      name: 'read back (numbers sent as strings)',
      needs: (c) => needsWrites(c) ?? needsId('job_set')(c),
      call: (c) => jobSets(c).fetchJobSetProperties(c.config.ids.job_set),
      expect: () => [{ ok: { [`${MARK}_p`]: 'x', [`${MARK}_n`]: '42' } }],
    },
    {
      method: 'fetchJobIdsForJobSet',
      name: 'unknown job set',
      call: (c) => jobSets(c).fetchJobIdsForJobSet(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: [] }),
      why: 'OLC-04, OLC-40',
    },
    {
      method: 'fetchJobSetMetadata',
      name: 'unknown job set',
      call: (c) => jobSets(c).fetchJobSetMetadata(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05, OLC-40',
    },
    {
      method: 'fetchJobSetProperties',
      name: 'unknown job set',
      call: (c) => jobSets(c).fetchJobSetProperties(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'JobSetNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05, OLC-40',
    },
    {
      method: 'updateJobSetMetadata',
      name: 'unknown job set',
      needs: needsWrites,
      call: (c) => jobSets(c).updateJobSetMetadata(UNKNOWN_ID, { [`${MARK}_js`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04, OLC-40',
    },
    {
      method: 'updateJobSetProperties',
      name: 'unknown job set',
      needs: needsWrites,
      call: (c) => jobSets(c).updateJobSetProperties(UNKNOWN_ID, { [`${MARK}_p`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04, OLC-40',
    },
    {
      method: 'deleteJobSet',
      name: 'unknown job set',
      // Deletes at all only with a disposable job set given, and never an ID the server lists.
      needs: needsDisposable,
      call: async (c) => {
        if ((await jobSets(c).fetchAllJobSetIds()).includes(UNKNOWN_ID)) throw new Error(`job set ${UNKNOWN_ID} exists; not deleted`);
        return jobSets(c).deleteJobSet(UNKNOWN_ID);
      },
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), { ok: false }),
      why: 'OLC-04, OLC-05, OLC-42',
    },
    {
      method: 'deleteJobSet',
      name: 'malformed ID "abc"',
      needs: needsWrites,
      // The delete has a 400 handler: a message that is not "still required" is a plain unexpected status. Both
      // its 400 and its 404 handler parse the body as JSON first (row 18).
      call: (c) => jobSets(c).deleteJobSet('abc'),
      expect: (c) => [
        ...entityError(c.variants, { error: 'ServerStatusCodeNotExpected', status: 400 }).map((e) => c.variants.may('olc.malformed-id', '400') && e),
        ...entityError(c.variants, { error: 'ResourceNotFound', status: 404 }).map((e) => c.variants.may('olc.malformed-id', '404') && e),
      ],
      why: 'OLC-05, OLC-42',
    },
    {
      method: 'deleteJobSet',
      name: 'the disposable job set',
      needs: needsDisposable,
      call: async (c) => {
        // One job it owns, read again once the job set is gone (olc.job-set-owned).
        [c.state.ownedJob] = await jobSets(c).fetchJobIdsForJobSet(c.config.ids.disposable_job_set);
        c.state.deletedAt = Date.now();
        return jobSets(c).deleteJobSet(c.config.ids.disposable_job_set);
      },
      expect: () => [{ ok: true }],
      why: 'OLC-42',
    },
    {
      method: 'fetchAllJobSetIds',
      name: 'right after the delete',
      needs: needsDisposable,
      call: (c) => jobSets(c).fetchAllJobSetIds(),
      // Marked for deletion: gone at once, or still listed for a while (olc.job-set-delete=deferred).
      expect: (c) => [
        c.variants.may('olc.job-set-delete', 'immediate') && excludes(c.config.ids.disposable_job_set),
        c.variants.may('olc.job-set-delete', 'deferred') && includes(c.config.ids.disposable_job_set),
      ],
      why: 'OLC-42',
    },
    {
      method: 'fetchAllJobSetIds',
      name: 'within 10 s of the delete',
      needs: needsDisposable,
      call: (c) => waitUntilGone(c, c.config.ids.disposable_job_set),
      expect: (c) => [excludes(c.config.ids.disposable_job_set)],
      why: 'OLC-42',
    },
    {
      method: 'fetchJobIdsForJobSet',
      name: 'the deleted job set',
      needs: needsDisposable,
      call: (c) => jobSets(c).fetchJobIdsForJobSet(c.config.ids.disposable_job_set),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: [] }),
      why: 'OLC-04, OLC-42',
    },
    {
      method: 'fetchJobMetadata',
      name: 'a job the deleted job set owned',
      needs: (c) => needsDisposable(c) ?? (c.state.ownedJob === undefined ? 'the disposable job set owned no job' : undefined),
      call: (c) => admin(c).node.jobEntity.fetchJobMetadata(c.state.ownedJob),
      // Gone with the job set, or still readable until a later cleanup (olc.job-set-owned=kept).
      expect: (c) => [
        ...(c.variants.may('olc.job-set-owned', 'removed')
          ? unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), EMPTY_RECORD) : []),
        c.variants.may('olc.job-set-owned', 'kept') && RECORD,
      ],
      why: 'OLC-04, OLC-42',
    },
  ],
};

// ---------------------------------------------------------------- Data Set Entity (OLC-70, OLC-71)

const dataSets = (c) => admin(c).node.dataSetEntity;

/** As needsDisposable, for the one data set given up for a delete (OLCONNECT_DISPOSABLE_DATA_SET_ID, OLC-71). */
function needsDisposableDataSet(c) {
  const disposable = c.config.ids.disposable_data_set;
  if (disposable === undefined) return 'no disposable data set configured (OLCONNECT_DISPOSABLE_DATA_SET_ID)';
  if (disposable === c.config.ids.data_set) return 'the disposable data set is the configured data set; nothing is deleted';
  return needsWrites(c);
}

/** Poll the data set list until `id` is gone (OLC-71 allows 10 s for a deferred delete). */
async function waitUntilDataSetGone(c, id) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const ids = await dataSets(c).fetchAllDataSetIds();
    if (!ids.includes(id) || Date.now() > deadline) return ids;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dataSetEntity = {
  name: 'dataSetEntity',
  ...restoring([['data_set', (id) => `/entity/datasets/${id}/properties`]]),
  cases: [
    {
      method: 'fetchAllDataSetIds',
      name: 'all data sets',
      needs: needsId('data_set'),
      call: (c) => dataSets(c).fetchAllDataSetIds(),
      expect: (c) => [includes(c.config.ids.data_set)],
      why: 'OLC-70',
    },
    { method: 'fetchDataRecordIdsForDataSet', name: 'known data set', needs: needsId('data_set'), call: (c) => dataSets(c).fetchDataRecordIdsForDataSet(c.config.ids.data_set), expect: () => [ID_LIST] },
    // The client's name for the properties read carries a typo (fetchDatatSetProperties); it is its only one.
    { method: 'fetchDatatSetProperties', name: 'known data set', needs: needsId('data_set'), call: (c) => dataSets(c).fetchDatatSetProperties(c.config.ids.data_set), expect: () => [RECORD] },
    {
      method: 'updateDataSetProperties',
      name: 'replace',
      needs: (c) => needsWrites(c) ?? needsId('data_set')(c),
      call: (c) => dataSets(c).updateDataSetProperties(c.config.ids.data_set, { [`${MARK}_ds`]: 'x', [`${MARK}_n`]: 7 }),
      expect: () => [{ ok: true }],
    },
    {
      method: 'fetchDatatSetProperties',
      name: 'read back (numbers sent as strings)',
      needs: (c) => needsWrites(c) ?? needsId('data_set')(c),
      call: (c) => dataSets(c).fetchDatatSetProperties(c.config.ids.data_set),
      expect: () => [{ ok: { [`${MARK}_ds`]: 'x', [`${MARK}_n`]: '7' } }],
    },
    {
      method: 'fetchDataRecordIdsForDataSet',
      name: 'unknown data set',
      // Unlike the job set's list, this one goes through fetchJSON, whose 404 handler parses a JSON Error.
      call: (c) => dataSets(c).fetchDataRecordIdsForDataSet(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), { ok: [] }),
      why: 'OLC-04, OLC-05, OLC-70',
    },
    {
      method: 'fetchDatatSetProperties',
      name: 'unknown data set',
      call: (c) => dataSets(c).fetchDatatSetProperties(UNKNOWN_ID),
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'DataSetNotFound', status: 404 }), EMPTY_RECORD),
      why: 'OLC-04, OLC-05, OLC-70',
    },
    {
      method: 'updateDataSetProperties',
      name: 'unknown data set',
      needs: needsWrites,
      call: (c) => dataSets(c).updateDataSetProperties(UNKNOWN_ID, { [`${MARK}_ds`]: 'x' }),
      expect: (c) => unknownId(c.variants, { error: 'ServerStatusCodeNotExpected', status: 404 }, { ok: false }),
      why: 'OLC-04, OLC-70',
    },
    {
      method: 'deleteDataSet',
      name: 'unknown data set',
      needs: needsDisposableDataSet,
      call: async (c) => {
        if ((await dataSets(c).fetchAllDataSetIds()).includes(UNKNOWN_ID)) throw new Error(`data set ${UNKNOWN_ID} exists; not deleted`);
        return dataSets(c).deleteDataSet(UNKNOWN_ID);
      },
      expect: (c) => unknownId(c.variants, entityError(c.variants, { error: 'ResourceNotFound', status: 404 }), { ok: false }),
      why: 'OLC-04, OLC-05, OLC-71',
    },
    {
      method: 'deleteDataSet',
      name: 'the disposable data set',
      needs: needsDisposableDataSet,
      call: (c) => dataSets(c).deleteDataSet(c.config.ids.disposable_data_set),
      expect: () => [{ ok: true }],
      why: 'OLC-71',
    },
    {
      method: 'fetchAllDataSetIds',
      name: 'right after the delete',
      needs: needsDisposableDataSet,
      call: (c) => dataSets(c).fetchAllDataSetIds(),
      // Marked for deletion: gone at once, or still listed for a while (olc.data-set-delete=deferred).
      expect: (c) => [
        c.variants.may('olc.data-set-delete', 'immediate') && excludes(c.config.ids.disposable_data_set),
        c.variants.may('olc.data-set-delete', 'deferred') && includes(c.config.ids.disposable_data_set),
      ],
      why: 'OLC-71',
    },
    {
      method: 'fetchAllDataSetIds',
      name: 'within 10 s of the delete',
      needs: needsDisposableDataSet,
      call: (c) => waitUntilDataSetGone(c, c.config.ids.disposable_data_set),
      expect: (c) => [excludes(c.config.ids.disposable_data_set)],
      why: 'OLC-71',
    },
  ],
};

// ---------------------------------------------------------------- Workflow: Job Creation, Output Creation, All-In-One (OLC-50..58)

const WORKFLOW = '/rest/serverengine/workflow';
/** What one workflow table leaves for the next (the driver gives each table its own `state`). */
const made = {};
const UNKNOWN_OPERATION = `${MARK}-no-such-operation`;

function needsWorkflow(c) {
  if (c.config.workflow === undefined) return 'no workflow presets and content sets configured (mock only)';
  return needsWrites(c);
}

/** Also needs the job set the job creation case made (it fails first when the workflow does not run). */
function needsCreatedJobSet(c) {
  return needsWorkflow(c) ?? (made.jobSet === undefined ? 'the job creation case made no job set' : undefined);
}

/**
 * Await one operation the client started, noting what the core shim reports of it: the operation ID (from
 * the 202's operationId header), every progress percentage, and whether it reached `done`.
 */
async function followOperation(c, promise, key) {
  const seen = { operationId: undefined, progress: [], finished: false };
  made[key] = seen;
  promise.on('start', (id) => { seen.operationId = id; });
  promise.on('progress', (percent) => seen.progress.push(percent));
  promise.on('finish', () => { seen.finished = true; });
  seen.value = await promise;
  return seen;
}

const isRising = (list) => list.every((value, i) => Number.isFinite(value) && value >= 0 && value <= 100 && (i === 0 || value >= list[i - 1]));

/** The answer of one request made with plain HTTP (Basic credentials), for what the client cannot read. */
async function plainRequest(c, method, path) {
  const { username, password } = c.config.users.admin;
  const response = await fetch(`${c.config.base_url}${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: (response.headers.get('content-type') ?? '').split(';')[0], bytes };
}

/** The result of a finished output operation, read with plain HTTP at the documented getResult (OLC-56). */
async function outputBytes(c, service, key) {
  const operationId = made[key]?.operationId;
  if (operationId === undefined) throw new Error('the client reported no operation ID');
  const answer = await plainRequest(c, 'POST', `${WORKFLOW}/${service}/getResult/${operationId}`);
  return { status: answer.status, contentType: answer.contentType, pdf: answer.bytes.subarray(0, 5).toString('latin1') === '%PDF-' };
}
const PDF_BYTES = { ok: { status: 200, contentType: 'application/octet-stream', pdf: true } };

/** What the client's own operation calls (OLConnectRestClient.createOperationDefinition) do with an ID. */
function operationCalls(c, service, operationId) {
  return admin(c).rest.createOperationDefinition({ operationId }, `${WORKFLOW}/${service}`, () => undefined);
}

/** The status of the last answer the client logged, with the value the call gave. */
async function withLastStatus(c, promise) {
  const value = await promise;
  const last = c.logger.responses[c.logger.responses.length - 1] ?? {};
  return { value, status: last.status };
}

/**
 * The client's result calls for Output Creation and All-In-One are `getResultTxt` and `getManagedResult`,
 * which the spec does not have (OLC-56 lists only `getResult`): our mock answers 404, which no handler of
 * those calls takes (docs/vendor-client-crosscheck.md row 20).
 */
const UNDOCUMENTED_RESULT_CALL = { error: 'ServerStatusCodeNotExpected', status: 404 };

/** A submit naming a content set or job set that does not exist: 404 (the pages) or 400 (OLC-55). */
function missingInput(variants, on400) {
  return [
    variants.may('olc.missing-input', '404') && { error: 'UnrecognisedServerError', message: /not found/ },
    variants.may('olc.missing-input', '400') && on400,
  ];
}

const jobCreation = {
  name: 'jobCreation',
  // The release decides what the client asks (isSkipJobCreationAllowed); a live server's is not known ahead.
  setUp: async (c) => {
    c.state.version = await new c.client.AuthenticationService(admin(c).rest).getVersion();
  },
  cases: [
    {
      method: 'isSkipJobCreationAllowed',
      name: 'the release the server reports',
      call: (c) => admin(c).node.jobCreation.isSkipJobCreationAllowed(),
      // The client compares the release as text: 2024.1 or later (year 2024 with minor >= "1", or 2025+).
      expect: (c) => [{ ok: atLeast(c, 2024, 1) }],
    },
    {
      method: 'createJobSetFromContentSets',
      name: 'a content set, polled to done',
      needs: needsWorkflow,
      call: async (c) => {
        const w = c.config.workflow;
        const seen = await followOperation(c, admin(c).node.jobCreation.createJobSetFromContentSets(w.job_preset, [w.content_sets[0]], { [`${MARK}_run`]: 'x' }), 'jobCreation');
        made.jobSet = seen.value;
        return { jobSet: Number.isInteger(seen.value) && seen.value > 0, operationId: typeof seen.operationId === 'string', progressed: seen.progress.length > 0 && isRising(seen.progress), finished: seen.finished };
      },
      expect: () => [{ ok: { jobSet: true, operationId: true, progressed: true, finished: true } }],
      why: 'OLC-50, OLC-51, OLC-56',
    },
    {
      method: 'fetchJobIdsForJobSet',
      name: 'the job set the job creation made',
      needs: needsCreatedJobSet,
      call: (c) => admin(c).node.jobSetEntity.fetchJobIdsForJobSet(made.jobSet),
      expect: () => [NON_EMPTY_ID_LIST],
    },
    {
      method: 'getProgressOfOperation',
      name: 'the finished job creation, after its result',
      needs: needsCreatedJobSet,
      call: (c) => withLastStatus(c, operationCalls(c, 'jobcreation', made.jobCreation.operationId).progressCall()),
      // The fork's Bug 4 patch reads a progress 404 as done, so a server that drops a collected operation
      // (olc.finished-operation=gone) and one that keeps it answer the caller alike; the status tells them apart.
      expect: (c) => [
        c.variants.may('olc.finished-operation', 'kept') && { ok: { value: 'done', status: 200 } },
        c.variants.may('olc.finished-operation', 'gone') && { ok: { value: 'done', status: 404 } },
      ],
      why: 'OLC-51',
    },
    {
      method: 'getResultOfOperation',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => admin(c).node.jobCreation.getResultOfOperation(UNKNOWN_OPERATION),
      // No 404 handler: the body (olc.operation-error-body) is never read.
      expect: () => [{ error: 'ServerStatusCodeNotExpected', status: 404 }],
      why: 'OLC-53',
    },
    {
      method: 'getProgressOfOperation',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => withLastStatus(c, operationCalls(c, 'jobcreation', UNKNOWN_OPERATION).progressCall()),
      expect: () => [{ ok: { value: 'done', status: 404 } }],
      why: 'OLC-53 (row 21: the patched client takes an unknown operation for a finished one)',
    },
    {
      method: 'cancelOperation',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => operationCalls(c, 'jobcreation', UNKNOWN_OPERATION).cancelCall(),
      expect: () => [{ error: 'ServerStatusCodeNotExpected', status: 404 }],
      why: 'OLC-53',
    },
    {
      method: 'cancelOperation',
      name: 'a running job creation',
      needs: needsWorkflow,
      call: async (c) => {
        const w = c.config.workflow;
        const running = admin(c).node.jobCreation.createJobSetFromContentSets(w.job_preset, [w.content_sets[0]]);
        const operationId = await new Promise((resolve) => running.on('start', resolve));
        made.cancelled = { operationId, outcome: running.then(() => ({ ok: true }), (error) => ({ error: error.constructor.name, status: error.statusCode })) };
        return running.cancel();
      },
      // The client's 204 handler is `{handler: Promise.resolve}`, called as a method of that object, which is
      // no constructor: the server stops the operation, the caller gets a TypeError (row 22).
      expect: () => [{ error: 'OLNodeInternalError', message: /^TypeError\b/ }],
      why: 'OLC-53 (row 22)',
    },
    {
      method: 'cancelOperation',
      name: 'the cancelled operation: server and client',
      needs: (c) => needsWorkflow(c) ?? (made.cancelled ? undefined : 'the cancel case did not start an operation'),
      call: async (c) => {
        const { operationId, outcome } = made.cancelled;
        const server = await plainRequest(c, 'GET', `${WORKFLOW}/jobcreation/getProgress/${operationId}`);
        return { progressStatus: server.status, client: await outcome };
      },
      // The server forgets a cancelled operation; the client's next poll gets 404, reads it as done (Bug 4
      // patch) and asks for the result, which is 404 too.
      expect: () => [{ ok: { progressStatus: 404, client: { error: 'ServerStatusCodeNotExpected', status: 404 } } }],
      why: 'OLC-53 (row 22)',
    },
    {
      method: 'createJobSetFromContentSets',
      name: 'unknown content set',
      needs: needsWorkflow,
      call: (c) => admin(c).node.jobCreation.createJobSetFromContentSets(c.config.workflow.job_preset, [UNKNOWN_ID]),
      expect: (c) => missingInput(c.variants, { error: 'ContentSetNotFound', message: /Content Set/ }),
      why: 'OLC-55',
    },
    {
      method: 'createJobSetFromContentSets',
      name: 'unknown preset',
      needs: needsWorkflow,
      call: (c) => admin(c).node.jobCreation.createJobSetFromContentSets(`${MARK}-no-such-preset`, [c.config.workflow.content_sets[0]]),
      // The client appends .OL-jobpreset to a bare name; no pattern of its 404 handler names job presets.
      expect: () => [{ error: 'UnrecognisedServerError', message: /no-such-preset\.OL-jobpreset/ }],
      why: 'OLC-55',
    },
    {
      method: 'processJobCreationWithoutJobPreset',
      name: 'content sets, no preset',
      needs: needsWorkflow,
      call: (c) => admin(c).node.jobCreation.processJobCreationWithoutJobPreset([c.config.workflow.content_sets[0]]),
      // 2024.1+: POST .../jobcreation/default, a path the spec does not have; the mock reads "default" as a
      // preset name and answers 404 (row 23). Before 2024.1 the client refuses to ask.
      expect: (c) => [
        atLeast(c, 2024, 1) && { error: 'UnrecognisedServerError', message: /'default' not found/ },
        !atLeast(c, 2024, 1) && { error: 'JobCreationWithoutJobPresetNotFound' },
      ],
      why: 'row 23',
    },
  ],
};

const outputCreation = {
  name: 'outputCreation',
  cases: [
    {
      method: 'createOutputFromJobSet',
      name: 'the created job set (createOnly)',
      needs: needsCreatedJobSet,
      call: (c) => followOperation(c, admin(c).node.outputCreation.createOutputFromJobSet(c.config.workflow.output_preset, made.jobSet), 'output'),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20: the client asks getResultTxt)',
    },
    {
      method: 'createOutputFromJobSet',
      name: 'its result bytes, read with plain HTTP',
      needs: (c) => needsCreatedJobSet(c) ?? (made.output ? undefined : 'the output case started no operation'),
      call: (c) => outputBytes(c, 'outputcreation', 'output'),
      expect: () => [PDF_BYTES],
      why: 'OLC-56',
    },
    {
      method: 'createOutputFromJobSet',
      name: 'the created job set (createOnly false)',
      needs: needsCreatedJobSet,
      call: (c) => admin(c).node.outputCreation.createOutputFromJobSet(c.config.workflow.output_preset, made.jobSet, undefined, { createOnly: false }),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20: the client asks getManagedResult)',
    },
    {
      method: 'createOutputFromJobs',
      name: 'the jobs of the created job set',
      needs: needsCreatedJobSet,
      call: async (c) => admin(c).node.outputCreation.createOutputFromJobs(c.config.workflow.output_preset, await admin(c).node.jobSetEntity.fetchJobIdsForJobSet(made.jobSet)),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20)',
    },
    {
      method: 'createOutputFromJobSet',
      name: 'unknown job set',
      needs: needsWorkflow,
      call: (c) => admin(c).node.outputCreation.createOutputFromJobSet(c.config.workflow.output_preset, UNKNOWN_ID),
      expect: (c) => missingInput(c.variants, { error: 'JobSetNotFound', message: /Job Set/ }),
      why: 'OLC-55',
    },
    {
      method: 'fetchOperationResult',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => admin(c).node.outputCreation.fetchOperationResult(UNKNOWN_OPERATION),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20)',
    },
    {
      method: 'fetchOperationResultAsFolderAndFilenames',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => admin(c).node.outputCreation.fetchOperationResultAsFolderAndFilenames(UNKNOWN_OPERATION),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20)',
    },
  ],
};

function allInOneConfiguration(c, createOnly) {
  const w = c.config.workflow;
  return {
    datamining: { identifier: w.data_file, config: w.data_mapper, persistDataset: true },
    contentcreation: { config: w.template },
    jobcreation: { config: w.job_preset },
    outputcreation: { config: w.output_preset, createOnly },
  };
}

const allInOne = {
  name: 'allInOne',
  cases: [
    {
      method: 'createManagedOutput',
      name: 'the whole line (createOnly)',
      needs: needsWorkflow,
      call: (c) => followOperation(c, admin(c).node.allInOne.createManagedOutput(allInOneConfiguration(c, true)), 'allInOne'),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20: the client asks getManagedResult)',
    },
    {
      method: 'createManagedOutput',
      name: 'its result bytes, read with plain HTTP',
      needs: (c) => needsWorkflow(c) ?? (made.allInOne ? undefined : 'the All-In-One case started no operation'),
      call: (c) => outputBytes(c, 'print', 'allInOne'),
      expect: () => [PDF_BYTES],
      why: 'OLC-56',
    },
    {
      method: 'createManagedOutput',
      name: 'the whole line (createOnly false)',
      needs: needsWorkflow,
      call: (c) => admin(c).node.allInOne.createManagedOutput(allInOneConfiguration(c, false)),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20: the client asks getResultTxt)',
    },
    {
      method: 'fetchAllInOneResult',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => admin(c).node.allInOne.fetchAllInOneResult(UNKNOWN_OPERATION),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20)',
    },
    {
      method: 'fetchOperationResultAsFolderAndFilenames',
      name: 'unknown operation',
      needs: needsWorkflow,
      call: (c) => admin(c).node.allInOne.fetchOperationResultAsFolderAndFilenames(UNKNOWN_OPERATION),
      expect: () => [UNDOCUMENTED_RESULT_CALL],
      why: 'OLC-56 (row 20)',
    },
  ],
};

const SERVICES = [authentication, session, jobEntity, jobSegmentEntity, statistics, documentSetEntity, documentEntity, jobSetEntity, dataSetEntity, jobCreation, outputCreation, allInOne];

/** The public methods of every covered class; each must have a case (private ones per dist/@types). */
const COVERED = [
  ['authentication', 'AuthenticationService', []],
  ['jobEntity', 'JobEntityService', []],
  ['jobSegmentEntity', 'JobSegmentEntityService', []],
  ['statistics', 'StatisticsService', ['ensureStatisticsServiceAvailable']],
  ['jobSetEntity', 'JobSetEntityService', []],
  ['documentSetEntity', 'DocumentSetEntityService', []],
  ['documentEntity', 'DocumentEntityService', []],
  ['dataSetEntity', 'DataSetEntityService', []],
  ['jobCreation', 'JobCreationService', []],
  ['outputCreation', 'OutputCreationService', []],
  ['allInOne', 'AllInOneService', []],
];

function expectedCoverage(client) {
  const methods = [];
  for (const [service, className, internal] of COVERED) {
    for (const name of Object.getOwnPropertyNames(client[className].prototype)) {
      if (name !== 'constructor' && !internal.includes(name)) methods.push({ service, method: name });
    }
  }
  return methods;
}

module.exports = { SERVICES, expectedCoverage, MARK, UNKNOWN_ID };
