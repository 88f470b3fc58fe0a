'use strict';
/*
 * Drives Objectif Lune's own Node.js client (@objectif-lune/connect-rest-client) against an OL Connect
 * server and compares every call's outcome with what the vendor pages and spec/DECISIONS.md say it should be.
 *
 * Usage: node driver.cjs CONFIG.json   (written by `python -m scripts.vendor_client`; see that module)
 *
 * The config names the server, its users and entity IDs, and what is known of the server's documented
 * variants (`variants`: NAME -> VALUE for a mock that plays them; empty for a live server, where every
 * documented alternative is accepted). Output: one JSON document on stdout, a readable table on stderr.
 * Exit 0 when every call agrees, 1 when one disagrees, 2 when the config or the client cannot be used.
 *
 * The cases live in cases.cjs, one table per service; a service the spec adds later joins by a new table.
 */

const fs = require('node:fs');
const path = require('node:path');
const { SERVICES, expectedCoverage } = require('./cases.cjs');

const CLIENT = '@objectif-lune/connect-rest-client';

function loadClient() {
  const dist = path.dirname(require.resolve(`${CLIENT}/package.json`)) + '/dist';
  return {
    version: require(`${CLIENT}/package.json`).version,
    index: require(CLIENT),
    AuthenticationService: require(`${dist}/rest/services/AuthenticationService.js`).AuthenticationService,
    JobEntityService: require(`${dist}/rest/services/JobEntityService.js`).JobEntityService,
    JobSegmentEntityService: require(`${dist}/rest/services/JobSegmentService.js`).JobSegmentEntityService,
    StatisticsService: require(`${dist}/rest/services/StatisticsService.js`).StatisticsService,
    JobSetEntityService: require(`${dist}/rest/services/JobSetEntityService.js`).JobSetEntityService,
    DocumentSetEntityService: require(`${dist}/rest/services/DocumentSetEntityService.js`).DocumentSetEntityService,
    DocumentEntityService: require(`${dist}/rest/services/DocumentEntityService.js`).DocumentEntityService,
    DataSetEntityService: require(`${dist}/rest/services/DataSetEntityService.js`).DataSetEntityService,
    JobCreationService: require(`${dist}/rest/services/JobCreationService.js`).JobCreationService,
    OutputCreationService: require(`${dist}/rest/services/OutputCreationService.js`).OutputCreationService,
    AllInOneService: require(`${dist}/rest/services/AllInOneService.js`).AllInOneService,
  };
}

/** A logger that keeps every line, so a case can count the requests the client sent. */
function recordingLogger() {
  const lines = [];
  const responses = [];
  const keep = (...args) => {
    lines.push(args.map(String).join(' '));
    // The client logs every answer as (status, status text, content type, size), after any labels.
    const at = args.findIndex((arg) => Number.isInteger(arg) && arg >= 100 && arg < 600);
    if (at >= 0 && typeof args[at + 1] === 'string') responses.push({ status: args[at], contentType: args[at + 2] });
  };
  return { lines, responses, error: keep, warn: keep, info: keep, debug: () => undefined, trace: () => undefined };
}

/**
 * What the driver knows about the server's variants. `may(name, value)` is true when the server plays that
 * value or when its value is unknown (live mode): expectations list every outcome a documented alternative
 * allows, so a live server is held only to what the pages promise.
 */
function variantKnowledge(known, read) {
  return {
    known,
    may(name, value) {
      read.add(name);
      return known[name] === undefined || known[name] === value;
    },
    value(name) {
      read.add(name);
      return known[name];
    },
  };
}

function describeError(error) {
  const outcome = { error: error && error.constructor ? error.constructor.name : String(error) };
  if (error && error.statusCode !== undefined) outcome.status = error.statusCode;
  if (error && error.message) outcome.message = String(error.message).slice(0, 200);
  return outcome;
}

function matches(outcome, expectation) {
  if ('error' in expectation) {
    if (outcome.error !== expectation.error) return false;
    if (expectation.message !== undefined && !expectation.message.test(outcome.message ?? '')) return false;
    return expectation.status === undefined || outcome.status === expectation.status;
  }
  if (!('ok' in outcome)) return false;
  if (typeof expectation.check === 'function') return expectation.check(outcome.ok) === true;
  return JSON.stringify(outcome.ok) === JSON.stringify(expectation.ok);
}

function showExpectation(expectation) {
  if ('error' in expectation) {
    const cause = expectation.message ? ` matching ${expectation.message}` : '';
    return `${expectation.error}${expectation.status ? ` (${expectation.status})` : ''}${cause}`;
  }
  return expectation.label ?? JSON.stringify(expectation.ok);
}

function showOutcome(outcome) {
  if ('error' in outcome) return `${outcome.error}${outcome.status ? ` (${outcome.status})` : ''}`;
  const text = JSON.stringify(outcome.ok);
  return text === undefined ? 'undefined' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

async function main() {
  const configPath = process.argv[2];
  if (!configPath) {
    process.stderr.write('usage: node driver.cjs CONFIG.json\n');
    return 2;
  }
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  let client;
  try {
    client = loadClient();
  } catch (error) {
    process.stderr.write(`cannot load ${CLIENT}: ${error.message}\n(run: python -m scripts.vendor_client install)\n`);
    return 2;
  }
  const coverage = expectedCoverage(client);
  const read = new Set();
  const variants = variantKnowledge(config.variants ?? {}, read);
  const results = [];
  for (const service of SERVICES) {
    const context = { config, client, variants, logger: recordingLogger(), state: {} };
    await service.setUp?.(context);
    try {
      for (const testCase of service.cases) {
        const reason = testCase.needs?.(context);
        if (reason) {
          results.push({ service: service.name, method: testCase.method, case: testCase.name, run: false, reason });
          continue;
        }
        let outcome;
        try {
          outcome = { ok: await testCase.call(context) };
        } catch (error) {
          outcome = describeError(error);
        }
        const expected = testCase.expect(context).filter(Boolean);
        const agree = expected.some((expectation) => matches(outcome, expectation));
        results.push({
          service: service.name,
          method: testCase.method,
          case: testCase.name,
          run: true,
          agree,
          outcome: showOutcome(outcome),
          expected: expected.map(showExpectation),
          ...(testCase.why ? { why: testCase.why } : {}),
        });
      }
    } finally {
      await service.tearDown?.(context);
    }
  }
  const missing = coverage.filter(({ service, method }) => !results.some((r) => r.service === service && r.method === method));
  const run = results.filter((r) => r.run);
  const report = {
    client_version: client.version,
    base_url: config.base_url,
    mode: config.mode,
    variants: config.variants ?? {},
    variants_read: [...read].sort(),
    calls: run.length,
    agree: run.filter((r) => r.agree).length,
    disagree: run.filter((r) => !r.agree).length,
    not_run: results.length - run.length,
    methods_without_case: missing,
    results,
  };
  for (const r of results) {
    const mark = !r.run ? 'SKIP' : r.agree ? 'ok  ' : 'FAIL';
    const detail = !r.run ? r.reason : r.agree ? r.outcome : `got ${r.outcome}; expected ${r.expected.join(' or ')}`;
    process.stderr.write(`${mark} ${r.service}.${r.method} [${r.case}]: ${detail}\n`);
  }
  for (const m of missing) process.stderr.write(`FAIL ${m.service}.${m.method}: no case drives this method\n`);
  process.stderr.write(
    `${report.calls} calls: ${report.agree} agree, ${report.disagree} disagree, ${report.not_run} not run\n`,
  );
  process.stdout.write(JSON.stringify(report) + '\n');
  return report.disagree === 0 && missing.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`driver failed: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
