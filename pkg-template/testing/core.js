// The decisions of the wasm's protocol core (src/protocol/), transcribed for
// front-link-wasm/testing, where no wasm runs: the token and URL rules, the
// options that shape a session, how a message from the Link UI is classified
// and what a session does with it. The payload shapes and event keys are not
// transcribed: they are the core's generated tables (tables.js, event-keys.js),
// read by the same check the wasm calls (js_data.js).
//
// tests/js/kit/testing-core.test.mjs holds every function here to the core's own
// decisions on the corpus (tests/testing-vectors.json, rendered by
// tests/generated.rs): a change to the core that this file does not follow
// fails that test.
import { FRONT_EVENT_TYPE_KEYS, LINK_EVENT_TYPE_KEYS } from './event-keys.js';
import { conforms, ownField } from './js_data.js';
import { BAD_OPTION, DEFAULT_LOAD_TIMEOUT_MS, EXIT, LIMITS, LOAD_TIMEOUT_MESSAGE, MAX_LOAD_TIMEOUT_MS, PAYLOAD, eventPayload } from './payloads.js';
import { decode, encode } from './utf8.js';

// The core's messages (generated, payloads.js), for what imports them from here.
export { DEFAULT_LOAD_TIMEOUT_MS, EXIT, LOAD_TIMEOUT_MESSAGE };

/** `Rejection`: why a token or URL was refused, as the end of a sentence about it. */
export const REJECTION = Object.freeze({
  empty: 'is empty',
  base64: 'is not base64',
  text: 'decodes to bytes that are not UTF-8 text',
  syntax: 'is not a URL of the form scheme://host[:port][/path][?query][#fragment] in printable ASCII',
  scheme: 'has a scheme other than https: (or http: for a loopback host)',
  host: 'names a host the SDK cannot compare with MessageEvent.origin (http: takes only localhost, 127.0.0.1 or [::1])',
  userinfo: 'carries user:password@',
  port: 'has a port that is not a number from 0 to 65535',
  untrusted: "has an origin not in the connection's linkOrigins",
});

class Refused extends Error {
  constructor(rejection) {
    super(REJECTION[rejection]);
    this.rejection = rejection;
  }
}

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const SEXTETS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `decode_base64`: as `atob` reads it; `undefined` if it is not base64. */
export function decodeBase64(input) {
  let body = [...input].filter((c) => !isSpace(c)).join('');
  if (body.length % 4 === 0) body = body.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return undefined;
  const out = [];
  let acc = 0;
  let bits = 0;
  for (const c of body) {
    const sextet = SEXTETS.indexOf(c);
    if (sextet < 0) return undefined;
    acc = (acc << 6) | sextet;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  return Uint8Array.from(out);
}

/** `decode_text`. */
function decodeText(token) {
  const bytes = decodeBase64(token);
  if (bytes === undefined) throw new Refused('base64');
  if (bytes.length === 0) throw new Refused('empty');
  const text = decode(bytes);
  if (text === undefined) throw new Refused('text');
  return text;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const FORBIDDEN = '"<>\\`';

/** `LinkUrl::parse`: `{href, origin}`, or throws a `Refused`. */
export function parseLinkUrl(text) {
  text = text.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '');
  if (text === '') throw new Refused('empty');
  for (const c of text) {
    const code = c.codePointAt(0);
    if (code <= 0x20 || code >= 0x7f || FORBIDDEN.includes(c)) throw new Refused('syntax');
  }
  const colon = text.indexOf(':');
  if (colon < 0) throw new Refused('syntax');
  const scheme = text.slice(0, colon).toLowerCase();
  const defaultPort = { https: 443, http: 80 }[scheme];
  if (defaultPort === undefined) throw new Refused('scheme');
  let rest = text.slice(colon + 1);
  if (!rest.startsWith('//')) throw new Refused('syntax');
  rest = rest.slice(2);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  if (authority.includes('@')) throw new Refused('userinfo');
  let [host, port] = splitHostPort(authority);
  host = host.toLowerCase();
  if (!validHost(host)) throw new Refused('host');
  if (scheme === 'http' && !LOOPBACK_HOSTS.includes(host)) throw new Refused('host');
  let origin = `${scheme}://${host}`;
  const number = parsePort(port);
  if (number !== undefined && number !== defaultPort) origin += `:${number}`;
  return { href: origin + (tail.startsWith('/') ? '' : '/') + tail, origin };
}

function splitHostPort(authority) {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) throw new Refused('syntax');
    const after = authority.slice(close + 1);
    if (after === '') return [authority.slice(0, close + 1), undefined];
    if (!after.startsWith(':')) throw new Refused('syntax');
    return [authority.slice(0, close + 1), after.slice(1)];
  }
  const colon = authority.indexOf(':');
  return colon < 0 ? [authority, undefined] : [authority.slice(0, colon), authority.slice(colon + 1)];
}

function validHost(host) {
  if (host.startsWith('[')) return host === '[::1]';
  return host !== '' && !/^[.-]/.test(host) && !host.includes('..') && /^[a-z0-9.-]+$/i.test(host) && !looksLikeShortIpv4(host);
}

function looksLikeShortIpv4(host) {
  const labels = host.replace(/\.+$/, '').split('.');
  const last = labels[labels.length - 1] || host;
  const numeric = last !== '' && (/^[0-9]+$/.test(last) || last.startsWith('0x'));
  if (!numeric) return false;
  const parts = host.split('.');
  const dottedQuad = parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && (p.length === 1 || p[0] !== '0') && Number(p) <= 255);
  return !dottedQuad;
}

function parsePort(port) {
  if (port === undefined || port === '') return undefined;
  if (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535) throw new Refused('port');
  return Number(port);
}

/** `with_params`: `params` appended to the query, before any `#fragment`. */
export function withParams(href, params) {
  const hash = href.indexOf('#');
  let base = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? '' : href.slice(hash);
  for (const [key, value] of params) {
    if (!base.includes('?')) base += '?';
    else if (!base.endsWith('?') && !base.endsWith('&')) base += '&';
    base += `${percentEncode(key)}=${percentEncode(value)}`;
  }
  return base + fragment;
}

function percentEncode(text) {
  let out = '';
  for (const byte of encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `link_origin`: the origin `text` names and nothing more, or `undefined`. */
export function linkOrigin(text) {
  let url;
  try {
    url = parseLinkUrl(text);
  } catch {
    return undefined;
  }
  const bare = url.href.endsWith('/') && url.href.slice(0, -1) === url.origin;
  const plain = text.replace(/\/+$/, '').length === url.origin.length && !/[?#]/.test(text);
  return bare && plain ? url.origin : undefined;
}

/**
 * What `js_api.rs` reads from the app's options when a session opens:
 * `LinkParams`, and the console messages of bad options (`BadOption`).
 */
export function linkParams(options, face, iframeId) {
  const bad = [];
  const option = (name) => {
    const value = options == null ? undefined : options[name];
    return value === undefined || value === null ? undefined : value;
  };
  const text = (name) => (typeof option(name) === 'string' ? option(name) : undefined);
  // A security option that is wrong fails closed: every open is refused.
  let linkOrigins;
  let misconfigured;
  const given = option('linkOrigins');
  if (given !== undefined) {
    if (!Array.isArray(given)) misconfigured = 'linkOrigins';
    else if (given.length === 0) misconfigured = 'linkOriginsEmpty';
    else {
      const origins = given.map((entry) => (typeof entry === 'string' ? linkOrigin(entry) : undefined));
      if (origins.includes(undefined)) misconfigured = 'linkOriginNotAnOrigin';
      else linkOrigins = origins;
    }
    if (misconfigured) bad.push(BAD_OPTION[misconfigured]);
  }
  let loadTimeout = DEFAULT_LOAD_TIMEOUT_MS;
  const millis = option('loadTimeout');
  if (millis !== undefined) {
    if (typeof millis !== 'number' || Number.isNaN(millis) || millis < 0) bad.push(BAD_OPTION.loadTimeout);
    else loadTimeout = millis < 1 ? undefined : Math.min(Math.trunc(millis), MAX_LOAD_TIMEOUT_MS);
  }
  let language = text('language');
  if (language === 'system') language = globalThis.navigator?.language;
  const theme = text('theme');
  return {
    params: {
      face,
      iframeId,
      language,
      displayFiatCurrency: text('displayFiatCurrency'),
      theme: ['light', 'dark', 'system'].includes(theme) ? theme : undefined,
      embedded: text('renderType') === 'embedded',
      linkOrigins,
      misconfigured,
      loadTimeout,
      debug: option('debug') === true,
    },
    bad,
  };
}

/**
 * `Session::open`: `{ url, origin, frame, loadTimeout }` of the session, or
 * `{ exit, why }` when it does not open. `input` is `{ token }` (openLink)
 * or `{ url }` (openPopup).
 */
export function openSession(input, params) {
  if (params.misconfigured) return { exit: BAD_OPTION[params.misconfigured], why: "the connection's linkOrigins is wrong, so every open fails closed" };
  const mesh = params.face === 'link';
  const usesIframe = params.embedded || mesh;
  let frame = usesIframe && params.iframeId ? params.iframeId : undefined;
  if (mesh) {
    if (input.token === '') return { exit: EXIT.invalidToken, why: `the link token ${REJECTION.empty}` };
    if (params.embedded && frame === undefined) return { exit: EXIT.embeddedWithoutIframe, why: 'renderType is "embedded" and no iframe id was given' };
  }
  if (frame === undefined && params.embedded) frame = '';
  const refusal = input.token !== undefined ? EXIT.invalidToken : EXIT.invalidLink;
  const given = input.token !== undefined ? 'the link token' : 'the URL';
  let url;
  try {
    url = input.token !== undefined ? parseLinkUrl(decodeText(input.token)) : parseLinkUrl(input.url);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { exit: refusal, why: `${given} ${error.message}` };
  }
  if (params.linkOrigins && !params.linkOrigins.includes(url.origin)) return { exit: refusal, why: `${given} ${REJECTION.untrusted} (${url.origin})` };
  const query = [];
  const language = params.language || (mesh ? 'en' : undefined);
  if (language) query.push(['lng', language]);
  if (params.displayFiatCurrency) query.push(['fiatCur', params.displayFiatCurrency]);
  if (params.theme) query.push(['th', params.theme]);
  if (params.embedded) query.push(['rt', 'embedded']);
  return { url: withParams(url.href, query), origin: url.origin, frame, loadTimeout: params.loadTimeout };
}

const PROTOCOL_TYPES = ['brokerageAccountAccessToken', 'delayedAuthentication', 'transferFinished', 'loaded', 'oauthLinkOpen'];
const KNOWN_TYPES = new Set([...PROTOCOL_TYPES, ...LINK_EVENT_TYPE_KEYS]);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEventKey = (face, key) => (face === 'link' ? LINK_EVENT_TYPE_KEYS : FRONT_EVENT_TYPE_KEYS).includes(key);

/** `MAX_ERROR_TEXT` and `MAX_LINK` (src/protocol/limits.rs): longer strings are not read. */
const { MAX_ERROR_TEXT, MAX_LINK } = LIMITS;

/** `Face::exit_error`: `[error, dropped]`, only a string (of at most `MAX_ERROR_TEXT`) being an error. */
function exitError(face, data, payload) {
  const read = (value) => (value === undefined || value === null ? [undefined, false] : typeof value === 'string' && value.length <= MAX_ERROR_TEXT ? [value, false] : [undefined, true]);
  const [fromPayload, oddPayload] = read(ownField(payload, 'errorMessage'));
  if (face === 'link') return [fromPayload, oddPayload];
  const [message, oddMessage] = read(ownField(data, 'message'));
  return message !== undefined ? [message, false] : [fromPayload, oddMessage || oddPayload];
}

/** `known_type`: the message's type, if the core knows it. */
const knownType = (data) => {
  const type = isObject(data) ? ownField(data, 'type') : undefined;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : undefined;
};

/** `promised_payload`: the payload number the upstream types of `face` declare for `type`. */
export function promisedPayload(face, type) {
  switch (type) {
    case 'brokerageAccountAccessToken':
      return PAYLOAD.AccessTokenPayload;
    case 'delayedAuthentication':
      return PAYLOAD.DelayedAuthPayload;
    case 'transferFinished':
      return PAYLOAD.TransferFinishedPayload;
    case 'close':
    case 'done':
      return PAYLOAD.SessionSummary;
  }
  return eventPayload(face, type);
}

/**
 * `InboundMessage::classify`: `{ message }` (its kind and what it carries)
 * or `{ ignored }` with the reason (`Ignored`). Whatever passes the sender
 * check is delivered as sent where the upstream of `face` would deliver it.
 */
export function classify(face, data) {
  const type = knownType(data);
  if (type === undefined) return { ignored: isObject(data) ? 'unknownType' : 'notAnObject' };
  const payload = ownField(data, 'payload');
  const object = (kind) => (isObject(payload) ? { message: { kind, payload } } : { ignored: 'noPayload' });
  switch (type) {
    case 'brokerageAccountAccessToken':
      return object('accessToken');
    case 'delayedAuthentication':
      return object('delayedAuth');
    case 'transferFinished':
      return object('transferFinished');
    case 'close':
    case 'done': {
      const [error, errorDropped] = exitError(face, data, payload);
      const passes = payload !== undefined && payload !== null && (face === 'link' || isObject(payload));
      return { message: { kind: 'exit', error, summary: passes ? payload : undefined, errorDropped } };
    }
    case 'loaded':
      return { message: { kind: 'loaded' } };
    case 'oauthLinkOpen': {
      if (face !== 'front') break;
      const link = ownField(data, 'link');
      try {
        if (typeof link === 'string' && link.length <= MAX_LINK) return { message: { kind: 'oauth', url: parseLinkUrl(link).href } };
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
      }
      return { ignored: 'badLink' };
    }
  }
  if (!isEventKey(face, type)) return { ignored: 'unknownType' };
  return { message: { kind: 'event', data } };
}

/**
 * `Session`: the state machine of one session. Each method returns the
 * steps for the web layer in order (as the core's `Action`s), or
 * `{ ignored }`; `face` is `'front'` (1.1.9) or `'link'` (3.13).
 */
export class SessionState {
  constructor(face, embedded, debug = false) {
    this.face = face;
    this.embedded = embedded;
    this.debug = debug;
    this.open = true;
    this.loaded = false;
    this.warned = new Set();
    this.reported = new Set();
  }

  /** `Session::receive`: `onMessage` with its warnings, and debug's reports. */
  receive(data) {
    return this.received(data, this.onMessage(data));
  }

  /** The rest of `receive`, given `verdict`, what `onMessage(data)` said. */
  received(data, verdict) {
    if (!Array.isArray(verdict)) return verdict.ignored === 'ended' ? [] : this.#warn(verdict.ignored);
    if (!this.debug) return verdict;
    const type = knownType(data);
    const promised = promisedPayload(this.face, type);
    if (promised === undefined || this.reported.has(type)) return verdict;
    const payload = ownField(data, 'payload');
    const fits = (type === 'close' || type === 'done') && (payload === undefined || payload === null) ? true : conforms(promised, payload);
    if (fits) return verdict;
    this.reported.add(type);
    return [{ report: promised }, ...verdict];
  }

  #warn(reason) {
    if (this.warned.has(reason)) return [];
    this.warned.add(reason);
    return [{ warn: reason }];
  }

  onMessage(data) {
    if (!this.open) return { ignored: 'ended' };
    const classified = classify(this.face, data);
    if (classified.ignored) return classified;
    const message = classified.message;
    switch (message.kind) {
      case 'accessToken':
      case 'delayedAuth':
        return [
          { onEvent: 'integrationConnected', connected: message.kind, payload: message.payload },
          { connected: message.kind, payload: message.payload },
        ];
      case 'transferFinished':
        return [{ onEvent: 'transferCompleted', payload: message.payload }, { transferFinished: message.payload }];
      case 'exit':
        this.open = false;
        return [...(message.errorDropped ? this.#warn('errorNotText') : []), 'end', { exit: message.error, summary: message.summary }];
      case 'loaded': {
        const steps = [{ post: 'meshSDKSpecs' }, { post: 'frontAccessTokens' }];
        if (!this.loaded) steps.unshift('loaded');
        this.loaded = true;
        if (this.face === 'front') steps.push({ post: 'frontTransferDestinationTokens' });
        steps.push({ onEvent: 'pageLoaded' });
        return steps;
      }
      case 'oauth':
        return [{ openWindow: message.url }];
      default:
        return [{ onEvent: ownField(message.data, 'type'), data: message.data }];
    }
  }

  requestClose() {
    if (this.open && this.embedded && this.face === 'link') return [{ post: 'closeRequested' }];
    return this.close();
  }

  loadTimedOut() {
    if (!this.open || this.loaded) return [];
    this.open = false;
    return ['end', { exit: LOAD_TIMEOUT_MESSAGE, summary: undefined }];
  }

  popupBlocked(url) {
    return this.open ? [{ onEvent: 'popupBlocked', url }] : [];
  }

  close() {
    if (!this.open) return [];
    this.open = false;
    return ['end', 'closed'];
  }
}
