'use strict';
/*
 * A stand-in for @objectif-lune/core 1.0.1, which the npm registry no longer serves.
 *
 * It provides exactly the names that @objectif-lune/connect-rest-client's dist/ reads from that package
 * (found with `grep -o "core\.[A-Za-z_]*" dist`), written from how dist/ uses them. It is deliberately
 * plain so that it cannot hide a server mismatch:
 *  - no status mapping: a response reaches the client's own handler table with its real status code;
 *  - no retries, redirects, timeouts or defaults beyond what dist/ itself passes in;
 *  - bodies are read exactly as sent: `json` is JSON.parse of the text (an empty or non-JSON body throws,
 *    as dist/ expects of a parse failure), `contentType` is the header's media type (parameters such as
 *    charset dropped, since dist/ compares it with bare media types);
 *  - asynchronous operations (ProgressEventsPromise, ProgressingConnectOperation) do only what dist/ needs of
 *    them: poll dist/'s own progress call until it answers `done`, then ask dist/'s own result call; an error
 *    of either ends the operation with that error, unchanged. No retry, no timeout of our own;
 *  - what the cross-check never drives (streamed uploads, Node-RED helpers) throws ShimNotImplemented when
 *    used, rather than pretending to work.
 */

const { EventEmitter } = require('node:events');

const HttpResponseCodes = Object.freeze({
  OK: 200,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_ENTITY: 422,
  SERVER_ERROR: 500,
});

const HttpContentType = Object.freeze({
  JSON: 'application/json',
  TEXT: 'text/plain',
  XML: 'application/xml',
  OCTET_STREAM: 'application/octet-stream',
  ZIP: 'application/zip',
});

// ---------------------------------------------------------------- errors

/** Base of every error dist/ treats as "handled" (it rethrows instances unchanged). */
class ErrorWithCode extends Error {
  constructor(message, info) {
    super(message === undefined ? '' : String(message));
    this.name = new.target.name;
    this.code = new.target.name;
    if (info !== undefined) this.info = info;
  }
}

/** An answer of the server that dist/ turned into an error: keeps what the server said. */
class RestServerError extends ErrorWithCode {
  constructor(serverMessage, statusCode, serverType) {
    super(serverMessage);
    this.serverMessage = serverMessage;
    this.statusCode = statusCode;
    this.serverType = serverType;
  }
}

class RestResourceNotFound extends RestServerError {
  constructor(serverMessage, parameter, serverType) {
    super(serverMessage, HttpResponseCodes.NOT_FOUND, serverType);
    this.parameter = parameter;
  }
}

class ResourceNotFound extends RestResourceNotFound {}

class ResourceBusy extends RestServerError {
  constructor(serverMessage, parameter, serverType) {
    super(serverMessage, HttpResponseCodes.BAD_REQUEST, serverType);
    this.parameter = parameter;
  }
}

class UnrecognisedServerError extends RestServerError {
  constructor(serverMessage, parameter, serverType) {
    super(serverMessage, undefined, serverType);
    this.parameter = parameter;
  }
}

/** dist/ calls it as (message, parameter, serverType) for a JSON body and (text, serverType) for text. */
class RestEndpointFailed extends RestServerError {
  constructor(serverMessage, ...rest) {
    super(serverMessage, HttpResponseCodes.SERVER_ERROR, rest[rest.length - 1]);
    if (rest.length > 1) this.parameter = rest[0];
  }
}

class ServerStatusCodeNotExpected extends RestServerError {
  constructor(statusCode, body, serverType) {
    super(`status ${statusCode} not expected`, statusCode, serverType);
    this.body = body;
  }
}

class Unauthorised extends RestServerError {
  constructor(serverMessage, serverType) {
    super(serverMessage, HttpResponseCodes.UNAUTHORIZED, serverType);
  }
}

class Forbidden extends RestServerError {
  constructor(serverMessage, serverType) {
    super(serverMessage, HttpResponseCodes.FORBIDDEN, serverType);
  }
}

class UnrecognisedServerContent extends RestServerError {
  constructor(contentType, serverType) {
    super(`unrecognised content type ${contentType}`, undefined, serverType);
    this.contentType = contentType;
  }
}

class TimedOut extends ErrorWithCode {
  constructor(hostname) {
    super(`timed out: ${hostname}`);
    this.hostname = hostname;
  }
}

/** A failure inside a response handler (for instance a JSON parse error): keeps the cause. */
class OLNodeInternalError extends ErrorWithCode {
  constructor(cause) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    this.cause = cause;
  }
}

/** A refusal before any request is sent; dist/ passes an info object such as {version}. */
class OLNodeInputTypeCheckError extends ErrorWithCode {
  constructor(info) {
    super(info === undefined ? '' : JSON.stringify(info), info);
  }
}

class FeatureNotAvailable extends OLNodeInputTypeCheckError {}

class MethodNotImplemented extends ErrorWithCode {}

/** How an operation stopped by `cancel()` ends, after the server accepted the cancel. */
class OperationCancelled extends ErrorWithCode {}

/** Used only by what this shim does not provide. */
class ShimNotImplemented extends ErrorWithCode {}

function notProvided(name) {
  return class {
    constructor() {
      throw new ShimNotImplemented(`${name} is not provided by the core shim`);
    }
    static from() {
      throw new ShimNotImplemented(`${name}.from is not provided by the core shim`);
    }
  };
}

// ---------------------------------------------------------------- small helpers

class CommonTypeChecks {
  static isString(value) {
    return typeof value === 'string';
  }
  static isNonEmptyString(value) {
    return typeof value === 'string' && value.length > 0;
  }
  static isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  static isScalar(value) {
    return ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
  }
  static isPositiveInteger(value) {
    return Number.isInteger(value) && value > 0;
  }
  static isValidProtocol(protocol) {
    return protocol === 'http:' || protocol === 'https:';
  }
  static objectHasProperty(value, property) {
    return typeof value === 'object' && value !== null && property in value;
  }
  static isNamedProperties(value) {
    return CommonTypeChecks.isRecord(value);
  }
}

/** At most `width` characters of `text` (dist/ uses it for log labels). */
function limit(text, width) {
  const value = text === undefined || text === null ? '' : String(text);
  return value.length > width ? value.slice(0, width) : value;
}

function urlPathJoin(...parts) {
  return parts
    .map((part, index) => {
      let text = String(part);
      if (index > 0) text = text.replace(/^\/+/, '');
      if (index < parts.length - 1) text = text.replace(/\/+$/, '');
      return text;
    })
    .join('/');
}
urlPathJoin.SLASH = '/';

/** A logger that prefixes a label; with no label it passes the lines through. */
function wrapLogger(logger, label) {
  const wrapped = {};
  for (const level of ['error', 'warn', 'info', 'debug', 'trace']) {
    const write = logger && typeof logger[level] === 'function' ? logger[level].bind(logger) : () => undefined;
    wrapped[level] = label === undefined ? write : (...args) => write(label, ...args);
  }
  return wrapped;
}

/** baseUrl + restPath + one encoded segment per path parameter + the query string. */
function buildConnectUrl({ baseUrl, restPath, pathParameters, queryParameters }) {
  const segments = (pathParameters ?? []).map((value) => encodeURIComponent(String(value)));
  const url = new URL(baseUrl.replace(/\/+$/, '') + [restPath, ...segments].join('/'));
  for (const [name, value] of Object.entries(queryParameters ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url;
}

// ---------------------------------------------------------------- requests

class RestRequest {
  constructor(method, restPath, pathParameters, queryParameters, headers, body) {
    this.method = method;
    this.restPath = restPath;
    this.pathParameters = pathParameters;
    this.queryParameters = queryParameters;
    this.headers = headers ? { ...headers } : undefined;
    this.body = body;
    this.info = '';
  }
  sendPayload(httpRequest, done) {
    if (this.body !== undefined) httpRequest.write(this.body);
    httpRequest.end();
    done(undefined);
  }
  abortSend() {
    // Bodies are written whole before the answer arrives; nothing to stop.
  }
}

class GetRequest extends RestRequest {
  constructor(restPath, pathParameters, queryParameters, headers) {
    super('GET', restPath, pathParameters, queryParameters, headers);
  }
}

class HeadRequest extends RestRequest {
  constructor(restPath, pathParameters, queryParameters, headers) {
    super('HEAD', restPath, pathParameters, queryParameters, headers);
  }
}

class PostRequest extends RestRequest {
  constructor(restPath, pathParameters, queryParameters, headers) {
    super('POST', restPath, pathParameters, queryParameters, headers);
  }
}

function jsonRequest(method, restPath, payload, pathParameters, queryParameters) {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const headers = { 'Content-Type': HttpContentType.JSON, 'Content-Length': String(body.length) };
  return [method, restPath, pathParameters, queryParameters, headers, body];
}

class PostJsonRequest extends RestRequest {
  constructor(restPath, payload, pathParameters, queryParameters) {
    super(...jsonRequest('POST', restPath, payload, pathParameters, queryParameters));
  }
}

class PutJsonRequest extends RestRequest {
  constructor(restPath, payload, pathParameters, queryParameters) {
    super(...jsonRequest('PUT', restPath, payload, pathParameters, queryParameters));
  }
}

/** POST with HTTP Basic credentials (dist/ maps the `auth` header to Node's `auth` option). */
class LoginRequest extends RestRequest {
  constructor(restPath, userName, password, msgId) {
    const headers = { auth: `${userName}:${password}` };
    if (msgId) headers.trace_id = String(msgId);
    super('POST', restPath, undefined, undefined, headers);
    this.info = `as ${userName}`;
  }
}

// ---------------------------------------------------------------- responses

function readAll(readable) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    readable.on('data', (chunk) => chunks.push(chunk));
    readable.on('end', () => resolve(Buffer.concat(chunks)));
    readable.on('error', reject);
    readable.resume();
  });
}

/** The whole body in memory: `text` as sent, `json` parsed on demand (throws on anything but JSON). */
class ResponseBufferedBody {
  constructor(readable) {
    this.text = undefined;
    this.ready = readAll(readable).then((buffer) => {
      this.text = buffer.toString('utf8');
    });
    this.info = this.ready.then(() => ({ debug: this.text }));
  }
  get json() {
    return JSON.parse(this.text);
  }
}

/** Like a buffered body, but the token never reaches a log line. */
class ResponseTokenBody extends ResponseBufferedBody {
  constructor(readable) {
    super(readable);
    this.info = this.ready.then(() => ({ debug: '[token]' }));
  }
}

class ResponseStreamBody {
  constructor(readable) {
    this.readable = readable;
    this.ready = Promise.resolve();
    this.info = Promise.resolve({ debug: '' });
  }
}

/** Headers with a case-insensitive `get` (dist/ reads `headers.get("Token-Expires-In")`). */
class ResponseHeaders {
  constructor(raw) {
    this.raw = raw;
  }
  get(name) {
    return this.raw[String(name).toLowerCase()];
  }
}

class AugmentedResponse {
  constructor(response) {
    this.response = response;
    this.statusCode = response.statusCode;
    this.statusMessage = response.statusMessage;
    this.headers = new ResponseHeaders(response.headers);
    const type = response.headers['content-type'];
    this.contentType = type === undefined ? undefined : type.split(';')[0].trim().toLowerCase();
    const length = response.headers['content-length'];
    this.contentLength = length === undefined ? -1 : Number.parseInt(length, 10);
    const disposition = /filename="?([^";]+)"?/i.exec(response.headers['content-disposition'] ?? '');
    this.attachmentName = disposition ? disposition[1] : undefined;
    // A workflow submit's 202 names its operation in this header; dist/ reads it as `operationId`.
    this.operationId = response.headers.operationid;
    this.body = undefined;
  }
}


// ---------------------------------------------------------------- asynchronous operations

/** Milliseconds between two progress polls (the mock's operations take well under a second in the tests). */
const POLL_INTERVAL_MS = 50;

/**
 * A promise that also reports how an asynchronous operation goes. dist/ builds one with
 * `new ProgressEventsPromise((resolve, reject, self) => ...)`, chains with `from(step).continue(next)` and
 * hands it to ProgressingConnectOperation.pipeEvents. Events: `start` (operation ID), `progress` (the
 * server's percentage as a number), `finish`. `cancel()` asks the server to stop the running operation.
 * It is a thenable rather than a Promise subclass so that `then` gives ordinary promises.
 */
class ProgressEventsPromise {
  #settled;
  #events = new EventEmitter();
  #canceller;

  constructor(executor) {
    this.#settled = new Promise((resolve, reject) => {
      try {
        executor(resolve, reject, this);
      } catch (error) {
        reject(error);
      }
    });
    this.#settled.catch(() => undefined); // the caller sees the rejection through then/await
  }

  static from(step) {
    return new ProgressEventsPromise((resolve, reject) => {
      Promise.resolve().then(step).then(resolve, reject);
    });
  }

  /** `next(value)` once this one resolves; its events and its cancel become this chain's. */
  continue(next) {
    return new ProgressEventsPromise((resolve, reject, chain) => {
      this.then((value) => {
        const following = next(value);
        if (following instanceof ProgressEventsPromise) following.pipeTo(chain);
        return following;
      }).then(resolve, reject);
    });
  }

  then(onResolved, onRejected) {
    return this.#settled.then(onResolved, onRejected);
  }

  catch(onRejected) {
    return this.#settled.catch(onRejected);
  }

  finally(onFinally) {
    return this.#settled.finally(onFinally);
  }

  on(event, listener) {
    this.#events.on(event, listener);
    return this;
  }

  emit(event, ...args) {
    return this.#events.emit(event, ...args);
  }

  /** Used by ProgressingConnectOperation: how `cancel()` reaches the server. */
  setCanceller(canceller) {
    this.#canceller = canceller;
  }

  cancel() {
    if (this.#canceller === undefined) {
      return Promise.reject(new ShimNotImplemented('no operation has started yet, so there is nothing to cancel'));
    }
    return this.#canceller();
  }

  /** Repeat this one's events on `target` and let `target.cancel()` cancel this one. */
  pipeTo(target) {
    for (const event of ['start', 'progress', 'finish']) this.on(event, (...args) => target.emit(event, ...args));
    target.setCanceller(() => this.cancel());
  }
}

/**
 * One operation the server accepted with 202: polls `progressCall` (dist/'s getProgressOfOperation) until it
 * answers `done`, then resolves with `resultCall()` (the service's own result request). `cancel()` calls
 * `cancelCall` (dist/'s cancelOperation); once that succeeds the operation ends with OperationCancelled.
 */
class ProgressingConnectOperation {
  #done;
  #events = new EventEmitter();
  #cancelled = false;

  constructor(operationId, progressCall, resultCall, cancelCall, logger) {
    this.operationId = operationId;
    this.cancelCall = cancelCall;
    this.logger = logger;
    this.#done = this.#run(progressCall, resultCall);
    this.#done.catch(() => undefined);
  }

  async #run(progressCall, resultCall) {
    await Promise.resolve(); // let the caller attach its listeners (pipeEvents) first
    this.#events.emit('start', this.operationId);
    for (;;) {
      if (this.#cancelled) throw new OperationCancelled(`operation ${this.operationId} was cancelled`);
      const answer = String(await progressCall()).trim();
      if (answer === 'done') break;
      this.#events.emit('progress', Number(answer));
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    if (this.#cancelled) throw new OperationCancelled(`operation ${this.operationId} was cancelled`);
    this.#events.emit('finish', this.operationId);
    return resultCall();
  }

  then(onResolved, onRejected) {
    return this.#done.then(onResolved, onRejected);
  }

  pipeEvents(target) {
    for (const event of ['start', 'progress', 'finish']) {
      this.#events.on(event, (...args) => target.emit(event, ...args));
    }
    target.setCanceller(() => this.cancel());
  }

  async cancel() {
    const answer = await this.cancelCall();
    this.#cancelled = true;
    return answer;
  }
}

module.exports = {
  AugmentedResponse,
  CommonExpressNodeValidation: notProvided('CommonExpressNodeValidation'),
  CommonTypeChecks,
  ErrorMessageUtilities: notProvided('ErrorMessageUtilities'),
  ErrorWithCode,
  FeatureNotAvailable,
  Forbidden,
  GetRequest,
  HeadRequest,
  HttpContentType,
  HttpResponseCodes,
  LoginRequest,
  MethodNotImplemented,
  OLNodeInputTypeCheckError,
  OLNodeInternalError,
  PostJsonRequest,
  PostRequest,
  PostStreamRequest: notProvided('PostStreamRequest'),
  OperationCancelled,
  ProgressEventsPromise,
  ProgressingConnectOperation,
  PutJsonRequest,
  ResourceBusy,
  ResourceNotFound,
  ResponseBufferedBody,
  ResponseStreamBody,
  ResponseTokenBody,
  RestEndpointFailed,
  RestResourceNotFound,
  RestServerError,
  ServerStatusCodeNotExpected,
  ShimNotImplemented,
  TimedOut,
  Unauthorised,
  UnrecognisedServerContent,
  UnrecognisedServerError,
  buildConnectUrl,
  limit,
  urlPathJoin,
  wrapLogger,
};
