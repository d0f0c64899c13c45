// Differential tests (SPEC §10): the same scripted Link sessions run against
// `createLink` of @meshconnect/web-link-sdk 3.13.0 and of this package in one
// Chromium, with the Link UI a real iframe on another origin. After every
// step we record the callbacks (instance, name, arguments, order, whether the
// overlay was still up), what every Link frame received, and the DOM
// (overlay ids, iframe src and allow, embedded iframes, prewarm frame, look).
// The traces must be equal except for the divergences in DIVERGENCES, each
// with its reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertSameTraces, frameWhere, runScript } from '../support/differential-runner.mjs';
import { artifacts, fixtures, launch, root, startServers, tokenFor } from '../support/harness.mjs';
import { bundleMeshUpstream } from '../support/upstreams.mjs';

const m = fixtures.inbound;
const tokens = fixtures.outbound.frontAccessTokens.payload;
const PREWARM = 'https://web.meshconnect.com/prewarm';
const OUR_VERSION = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8')).version;
let servers;
let browser;

before(async () => {
  await bundleMeshUpstream();
  servers = await startServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

// --- one message per event key of 3.13, payloads shaped as its typings --------------

const summary = (page, extra = {}) => ({ page, ...extra });
const EVENTS = {
  integrationConnected: { type: 'integrationConnected', payload: { accessToken: m.brokerageAccountAccessToken.payload } },
  integrationConnectionError: m.integrationConnectionError,
  integrationMfaRequired: { type: 'integrationMfaRequired' },
  integrationMfaEntered: { type: 'integrationMfaEntered' },
  integrationOAuthStarted: { type: 'integrationOAuthStarted' },
  integrationAccountSelectionRequired: { type: 'integrationAccountSelectionRequired' },
  transferCompleted: { type: 'transferCompleted', payload: m.transferFinishedSuccess.payload },
  integrationSelected: { ...m.integrationSelected, payload: { ...m.integrationSelected.payload, userSearched: true } },
  credentialsEntered: m.credentialsEntered,
  transferStarted: { type: 'transferStarted', payload: { integrationType: 'coinbase', integrationName: 'Coinbase' } },
  transferPreviewed: m.transferPreviewed,
  transferPreviewError: { type: 'transferPreviewError', payload: { errorMessage: 'Amount too low', requestId: 'r-1' } },
  transferExecutionError: { type: 'transferExecutionError', payload: { errorMessage: 'Rejected' } },
  transferConfigureError: { type: 'transferConfigureError', payload: { errorMessage: 'No networks' } },
  pageLoaded: { type: 'pageLoaded' },
  transferAssetSelected: { type: 'transferAssetSelected', payload: { symbol: 'ETH' } },
  transferNetworkSelected: { type: 'transferNetworkSelected', payload: { id: 'e3c7fdd8', name: 'Ethereum' } },
  transferAmountEntered: { type: 'transferAmountEntered' },
  transferMfaRequired: { type: 'transferMfaRequired' },
  transferMfaEntered: { type: 'transferMfaEntered' },
  transferKycRequired: { type: 'transferKycRequired' },
  transferExecuted: { type: 'transferExecuted', payload: { ...m.transferFinishedSuccess.payload, status: 'pending', clientTransactionId: 'c-9' } },
  transferInitiated: { type: 'transferInitiated', payload: { integrationName: 'Coinbase', status: 'pending' } },
  transferNoEligibleAssets: { type: 'transferNoEligibleAssets', payload: { integrationName: 'Coinbase', arrayOfTokensHeld: [{ symbol: 'DOGE', amount: 3, ineligibilityReason: 'network' }] } },
  walletMessageSigned: { type: 'walletMessageSigned', payload: { signedMessageHash: '0xabc', message: 'hi', address: '0x1111', timeStamp: 1700000000, isVerified: true } },
  verifyDonePage: { type: 'verifyDonePage' },
  verifyWalletRejected: { type: 'verifyWalletRejected' },
  connectionDeclined: { type: 'connectionDeclined', payload: { integrationName: 'Coinbase', reason: 'user', networkId: 'n1' } },
  connectionUnavailable: { type: 'connectionUnavailable', payload: { integrationName: 'Kraken', reason: 'maintenance' } },
  transferDeclined: { type: 'transferDeclined', payload: { integrationName: 'Coinbase', status: 'declined', amount: 1 } },
  done: { type: 'done', payload: summary('integrationConnectedPage') },
  close: { type: 'close', payload: summary('catalogPage') },
  SDKinjectedWalletProviders: { type: 'SDKinjectedWalletProviders', payload: [{ id: 'io.metamask', name: 'MetaMask', icon: 'data:image/svg+xml,' }] },
  legalTermsViewed: { type: 'legalTermsViewed' },
  seeWhatHappenedClicked: { type: 'seeWhatHappenedClicked' },
  executeFundingStep: { type: 'executeFundingStep', payload: { cryptocurrencyFundingOptionType: 'swap', status: 'done' } },
  fundingOptionsUpdated: { type: 'fundingOptionsUpdated' },
  fundingOptionsViewed: { type: 'fundingOptionsViewed' },
  gasIncreaseWarning: { type: 'gasIncreaseWarning' },
  linkTransferQRGenerated: { type: 'linkTransferQRGenerated', payload: { token: 'USDC', network: 'Base', toAddress: '0x22', qrUrl: 'https://qr.example/1' } },
  methodSelected: { type: 'methodSelected', payload: { method: 'manual' } },
  defiWalletError: { type: 'defiWalletError', payload: { integrationName: 'MetaMask', errorType: 'timeout', details: { requestedNetwork: 'Base' }, timeStamp: 1700000001 } },
  homePageLoaded: { type: 'homePageLoaded' },
};
// done and close end the session: they have scripts of their own.
const PASSING = Object.values(EVENTS).filter((e) => e.type !== 'done' && e.type !== 'close');

/** LINK_EVENT_TYPE_KEYS of the installed 3.13, read from its source. */
function upstreamEventKeys() {
  const source = readFileSync(join(root, 'node_modules/@meshconnect/web-link-sdk/utils/event-types.js'), 'utf8');
  return [...source.match(/LINK_EVENT_TYPE_KEYS = \[([^\]]*)\]/)[1].matchAll(/'([^']+)'/g)].map((k) => k[1]);
}

// --- the scripts --------------------------------------------------------------------
// Steps: open (createLink + openLink), create, openLink (an existing instance),
// openToken (a raw token), send (from a Link frame), hostSend (the host page
// posts to itself), twin / attacker (another frame of the Link origin / of
// another origin), hostIframe (an <iframe> of the host page for embedded
// rendering), closeLink, closeLinkRequested, load (reload the host page).
// Instances are named ('a' by default) and their callbacks tagged with the name.

const open = (options = {}, { query = '', iframe, instance = 'a', frame = true } = {}) => ({ do: 'open', options, query, iframe, instance, frame });
const openLink = ({ query = '', iframe, instance = 'a', frame = true } = {}) => ({ do: 'openLink', query, iframe, instance, frame });
const create = (options = {}, instance = 'a') => ({ do: 'create', options, instance });
const openToken = (token, instance = 'a') => ({ do: 'openToken', token, instance });
const send = (...messages) => ({ do: 'send', messages });
const sendFrom = (from, ...messages) => ({ do: 'send', from, messages });
const malformed = (...messages) => ({ do: 'send', messages, malformed: true });
const hostSend = (...messages) => ({ do: 'hostSend', messages });
const closeLink = (instance = 'a') => ({ do: 'closeLink', instance });
const closeLinkRequested = (instance = 'a') => ({ do: 'closeLinkRequested', instance });
const hostIframe = (id = 'embed') => ({ do: 'hostIframe', id });
const b64 = (s) => Buffer.from(s).toString('base64');
const style = (json) => `&link_style=${encodeURIComponent(b64(json))}`;
const embedded = { renderType: 'embedded' };
const third = Math.ceil(PASSING.length / 3);

const SCRIPTS = {
  brokerageAccountAccessToken: [open(), send(m.brokerageAccountAccessToken)],
  delayedAuthentication: [open(), send(m.delayedAuthentication)],
  'transferFinished success': [open(), send(m.transferFinishedSuccess)],
  'transferFinished error': [open(), send(m.transferFinishedError)],
  'loaded with accessTokens': [open({ accessTokens: tokens }), send(m.loaded)],
  'loaded with empty accessTokens': [open({ accessTokens: [] }), send(m.loaded)],
  'loaded without accessTokens': [open(), send(m.loaded)],
  'loaded never sends transferDestinationTokens': [open({ accessTokens: tokens, transferDestinationTokens: tokens }), send(m.loaded)],
  'repeated loaded': [open({ accessTokens: tokens }), send(m.loaded), send(m.loaded)],
  'close without payload': [open(), send({ type: 'close' })],
  'close with message (ignored) and summary': [open(), send({ ...m.closeWithMessage, payload: summary('catalogPage') })],
  'done without payload': [open(), send({ type: 'done' })],
  'done with summary': [open(), send(m.doneWithSummary)],
  'done whose summary carries errorMessage': [open(), send({ type: 'done', payload: summary('errorPage', { errorMessage: 'Session expired', transfer: { symbol: 'ETH', amount: 1 } }) })],
  'done with a payload that is not a SessionSummary': [open(), send({ type: 'done', payload: { errorMessage: 'Session expired' } })],
  'oauthLinkOpen is ignored': [open(), send(m.oauthLinkOpen)],
  'unknown types are ignored': [
    open(),
    send({ type: 'somethingElse', payload: {} }, { type: 'brokerageAccountAccessTokenX' }, { type: 'frontAccessTokens', payload: [] }, { type: 'closeRequested' }, { notype: 1 }),
  ],
  'event keys, first third': [open(), send(...PASSING.slice(0, third))],
  'event keys, second third': [open(), send(...PASSING.slice(third, 2 * third))],
  'event keys, last third': [open(), send(...PASSING.slice(2 * third))],
  'event keys with extra fields': [open(), send({ ...EVENTS.transferStarted, extra: 1 }, { ...EVENTS.methodSelected, payload: { method: 'buy', more: [1] } })],
  'default language': [open()],
  "language 'system'": [open({ language: 'system' })],
  'language, displayFiatCurrency and theme': [open({ language: 'fr', displayFiatCurrency: 'EUR', theme: 'dark' })],
  'parameters that need encoding': [open({ language: 'pt BR&th=light', displayFiatCurrency: 'E/R' })],
  'token URL with a #fragment': [open({ theme: 'dark' }, { query: '#step=2' })],
  'link_style radius and opacity': [open({}, { query: style('{"ir":8,"io":0.3}') })],
  'embedded: customIframeId with renderType embedded': [hostIframe(), open(embedded, { iframe: 'embed' }), send(m.loaded, m.integrationSelected, m.doneWithSummary)],
  'embedded: customIframeId without renderType': [hostIframe(), open({ theme: 'light' }, { iframe: 'embed' }), send(m.integrationSelected, { type: 'close' })],
  "renderType 'embedded' without an id": [open(embedded, { frame: false })],
  'customIframeId that matches no iframe': [open({}, { iframe: 'nope', frame: false })],
  'closeLinkRequested in overlay mode': [open(), send(m.integrationSelected), closeLinkRequested()],
  'closeLinkRequested embedded: the Link UI answers close': [hostIframe(), open(embedded, { iframe: 'embed' }), send(m.loaded), closeLinkRequested(), send({ type: 'close' })],
  'closeLinkRequested embedded, answered by done, then asked again': [hostIframe(), open(embedded, { iframe: 'embed' }), closeLinkRequested(), send(m.doneWithSummary), closeLinkRequested()],
  'closeLinkRequested with nothing open': [create(), closeLinkRequested()],
  'closeLink mid-flow': [open(), send(m.loaded, m.integrationSelected), closeLink()],
  'closeLink twice': [open(), closeLink(), closeLink()],
  'closeLink after done': [open(), send(m.doneWithSummary), closeLink()],
  'closeLink of an embedded session, then a message from it': [hostIframe(), open(embedded, { iframe: 'embed' }), closeLink(), send(m.integrationSelected)],
  'embedded: messages after done': [hostIframe(), open({}, { iframe: 'embed' }), send(m.doneWithSummary), send(m.integrationSelected, m.loaded, { type: 'close' })],
  'reopen after close': [open(), send({ type: 'close' }), openLink({ query: '&again' }), send(m.credentialsEntered, m.doneWithSummary)],
  'reopen after closeLink': [open(), closeLink(), openLink(), send(m.brokerageAccountAccessToken)],
  'reopen while open': [open(), openLink(), send(m.integrationSelected)],
  'reopen embedded after close': [hostIframe(), open(embedded, { iframe: 'embed' }), send({ type: 'close' }), openLink({ iframe: 'embed' }), send(m.integrationSelected)],
  'two instances, one after the other': [open({}, { instance: 'a' }), send(m.integrationSelected, m.doneWithSummary), open({}, { instance: 'b' }), send(m.integrationSelected, { type: 'close' })],
  'two instances with their own accessTokens': [open({ accessTokens: tokens }, { instance: 'a' }), send(m.loaded, { type: 'close' }), open({ accessTokens: [] }, { instance: 'b' }), send(m.loaded)],
  'a second instance opens while the first is open': [open({}, { instance: 'a' }), open({}, { instance: 'b' }), send(m.integrationSelected, m.doneWithSummary)],
  "the first instance's closeLink while the second is open": [open({}, { instance: 'a' }), open({}, { instance: 'b' }), closeLink('a'), closeLink('b')],
  'empty token': [create(), openToken('')],
  'token that is not base64': [create(), openToken('not base64!')],
  'javascript: token': [create(), openToken(b64('javascript:alert(1)'))],
  'token that is not a URL': [create(), openToken(b64('hello'))],
  'http link to a non-loopback host': [create(), openToken(b64('http://link.invalid/'))],
  'the host page posts to itself': [open(), hostSend(m.integrationSelected, m.loaded)],
  'another frame of the Link origin': [open(), { do: 'twin' }, sendFrom('twin', m.integrationSelected, m.loaded), send(m.credentialsEntered)],
  'an attacker frame on another origin': [open(), { do: 'attacker' }, sendFrom('attacker', m.integrationSelected, m.loaded), send(m.credentialsEntered)],
  'malformed payloads': [
    open(),
    malformed(null, 'loaded', { type: 'brokerageAccountAccessToken', payload: null }, { type: 'integrationSelected', payload: 'x' }, { type: 'transferFinished', payload: { status: 'weird' } }),
    send(m.credentialsEntered),
  ],
  'wallet bridge: Comlink messages from the Link UI': [open(), send({ id: 'w1', type: 'GET', path: ['parentOrigin'] }), send({ ...m.integrationSelected, path: null })],
  'prewarm: removed on openLink': [{ do: 'load', query: '&prewarm' }, create(), openLink()],
  'prewarm: removed by an invalid token too': [{ do: 'load', query: '&prewarm' }, create(), openToken('')],
  'prewarm: a second createLink after openLink': [{ do: 'load', query: '&prewarm' }, create({}, 'a'), openLink({ instance: 'a' }), create({}, 'b')],
  'full connect session': [open(), send(m.loaded, m.integrationSelected, m.credentialsEntered, EVENTS.integrationMfaRequired, m.brokerageAccountAccessToken, m.doneWithSummary)],
  'full transfer session': [
    open({ accessTokens: tokens }),
    send(m.loaded, EVENTS.transferStarted, m.transferPreviewed, EVENTS.transferExecuted, m.transferFinishedSuccess, {
      type: 'done',
      payload: summary('transferExecutedPage', { transfer: { symbol: 'ETH', amount: 0.015, transactionId: 'tx-8c1d' } }),
    }),
  ],
};

// --- the expected divergences -----------------------------------------------------------

const isExit = (msg) => msg?.type === 'close' || msg?.type === 'done';
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const onExitCall = (label, ...args) => ({ label, name: 'onExit', args });
const isComlinkReply = (o) => o.data && 'id' in o.data && (o.data.type === 'RAW' || o.data.type === 'HANDLER');
const nothing = (step) => step.calls.length === 0 && step.outbound.length === 0;
/** The popup iframe and the embedded ones: where src and allow are. */
const linkFrames = (dom) => (dom ? [dom.popup, ...dom.embedded].filter(Boolean) : []);

const DIVERGENCES = [
  {
    id: 'sdk version in meshSDKSpecs',
    reason: "SPEC §3: meshSDKSpecs carries this package's version; 3.13 sends '3.13.0'.",
    normalize(step, ours, upstream) {
      for (const o of ours.outbound ?? []) {
        if (o.data.type === 'meshSDKSpecs' && o.data.payload.version === OUR_VERSION) o.data.payload.version = '3.13.0';
      }
    },
  },
  {
    id: 'onExit after the overlay is removed',
    reason: 'SPEC §3: close/done remove the overlay, then call onExit; 3.13 calls onExit first, with its popup still up.',
    normalize(step, ours, upstream) {
      if (step.do !== 'send' || !step.messages.some(isExit)) return;
      for (const [i, call] of ours.calls.entries()) {
        const theirs = upstream.calls[i];
        if (call.name === 'onExit' && theirs?.name === 'onExit' && !call.overlay && theirs.overlay) theirs.overlay = false;
      }
    },
  },
  {
    id: 'exactly-once onExit',
    reason: 'SPEC §5.6: onExit fires once per session, and closeLink() (or closeLinkRequested() outside an embedded session) with nothing open is silent; 3.13 calls onExit() on every closeLink.',
    normalize(step, ours, upstream) {
      if ((step.do === 'closeLink' || step.do === 'closeLinkRequested') && !step.instanceOpen && ours.calls.length === 0 && same(upstream.calls, [{ ...onExitCall(step.instance), overlay: false }]))
        upstream.calls = [];
    },
  },
  {
    id: 'closeLinkRequested after the embedded session ended',
    reason: "SPEC §5.6: with no session open, closeLinkRequested() is closeLink(), which is silent; 3.13's module-global options still say 'embedded', so it asks the finished Link UI to close again.",
    normalize(step, ours, upstream) {
      if (
        step.do === 'closeLinkRequested' &&
        !step.instanceOpen &&
        nothing(ours) &&
        same(
          upstream.outbound.map((o) => o.data),
          [{ type: 'closeRequested' }],
        )
      )
        upstream.outbound = [];
    },
  },
  {
    id: 'superseded session',
    reason: 'SPEC §5.5: opening a session ends the open one, whose onExit() fires; 3.13 replaces it silently.',
    normalize(step, ours, upstream) {
      if (step.do !== 'open' && step.do !== 'openLink') return;
      for (const label of step.openBefore) {
        const i = ours.calls.findIndex((c) => same(c, { ...onExitCall(label), overlay: c.overlay }));
        if (i >= 0 && !upstream.calls.some((c) => c.label === label && c.name === 'onExit')) ours.calls.splice(i, 1);
      }
    },
  },
  {
    id: 'per-instance state',
    reason: "SPEC §5.5: each createLink instance has its own state; 3.13 keeps one module-global session, so any instance's closeLink() removes whatever popup is up.",
    normalize(step, ours, upstream) {
      if (step.do === 'closeLink' && !step.instanceOpen && step.openBefore.length && ours.dom.overlay.length && !upstream.dom.overlay.length) upstream.dom = ours.dom;
    },
  },
  {
    id: 'invalid base64 token',
    reason: "SPEC §3: a token that is not base64 gives onExit('Invalid link token!'); 3.13's atob throws out of openLink.",
    normalize(step, ours, upstream) {
      if (step.do === 'openToken' && upstream.threw === 'InvalidCharacterError' && same(ours.calls, [{ ...onExitCall(step.instance, 'Invalid link token!'), overlay: false }])) {
        upstream.threw = undefined;
        ours.calls = [];
      }
    },
  },
  {
    id: 'http links only for loopback hosts',
    reason: "SPEC §5.2: plain http: is accepted only for loopback hosts; 3.13 accepts any URL starting with 'http'.",
    normalize(step, ours, upstream) {
      if (
        step.do === 'openToken' &&
        step.token &&
        same(ours.calls, [{ ...onExitCall(step.instance, 'Invalid link token!'), overlay: false }]) &&
        upstream.calls.length === 0 &&
        /^http:\/\/(?!127\.0\.0\.1|localhost)/.test(upstream.dom.popup?.src)
      ) {
        ours.calls = [];
        upstream.dom = ours.dom;
      }
      // The refused link is never requested by us.
      if (step.do === 'end') upstream.requests = upstream.requests.filter((u) => !u.startsWith('http://') || ours.requests.includes(u));
    },
  },
  {
    id: 'customIframeId that matches no iframe',
    reason: "SPEC §10: an id that matches no iframe ends the attempt with onExit('Iframe not found!'); 3.13 only warns on the console.",
    normalize(step, ours, upstream) {
      if (
        (step.do === 'open' || step.do === 'openLink') &&
        step.iframe &&
        !step.iframeFound &&
        same(ours.calls, [{ ...onExitCall(step.instance, 'Iframe not found!'), overlay: false }]) &&
        upstream.calls.length === 0
      )
        ours.calls = [];
    },
  },
  {
    id: 'only the session iframe at the Link origin',
    reason: "SPEC §5.1: messages are accepted only from this session's iframe at the Link origin; 3.13 also accepts the host page's own origin and any frame of the Link origin.",
    normalize(step, ours, upstream) {
      if ((step.do === 'hostSend' || (step.do === 'send' && step.stranger)) && nothing(ours)) Object.assign(upstream, { calls: [], outbound: [] });
    },
  },
  {
    id: 'no messages after the session ended',
    reason: 'SPEC §5.6: the listener goes when the session ends, however it ends; 3.13 keeps listening after close/done, so an embedded Link UI that stays on the page still reaches the callbacks.',
    normalize(step, ours, upstream) {
      if (step.do === 'send' && !step.stranger && !step.senderOpen && nothing(ours)) Object.assign(upstream, { calls: [], outbound: [] });
    },
  },
  {
    id: 'connects and finished transfers without an object payload are not delivered',
    reason:
      "SPEC §5.7: a brokerageAccountAccessToken, delayedAuthentication or transferFinished whose payload is not an object carries nothing to deliver, and the app's first field read would throw; 3.13 calls the callbacks with it (and throws an unhandled TypeError on null data). Every other payload is delivered as sent, as 3.13 does.",
    normalize(step, ours, upstream) {
      if (!step.malformed) return;
      const empty = (v) => v === null || typeof v !== 'object' || Array.isArray(v);
      const unwrapped = (c) => (c.name === 'onEvent' ? c.args[0]?.payload : c.args[0]);
      const dropped = (c) =>
        ['onIntegrationConnected', 'onBrokerConnected'].includes(c.name) || (c.name === 'onEvent' && c.args[0]?.type === 'integrationConnected')
          ? empty(Object.values(unwrapped(c) ?? {})[0] ?? null)
          : c.name === 'onTransferFinished' || (c.name === 'onEvent' && c.args[0]?.type === 'transferCompleted')
            ? empty(unwrapped(c) ?? null)
            : false;
      upstream.calls = upstream.calls.filter((c) => !dropped(c));
    },
  },
  {
    id: 'URL parameters encoded, before the #fragment',
    reason: 'SPEC §2/§10: lng, fiatCur, th and rt are URL-encoded and inserted before any #fragment; 3.13 appends them raw, after the fragment.',
    normalize(step, ours, upstream) {
      if (!step.url) return;
      const want = { lng: step.options?.language || 'en', fiatCur: step.options?.displayFiatCurrency ?? null, th: step.options?.theme ?? null };
      const token = new URL(step.url);
      for (const [i, frame] of linkFrames(ours.dom).entries()) {
        const theirs = linkFrames(upstream.dom)[i];
        if (!theirs || theirs.src === frame.src) continue;
        const url = new URL(frame.src);
        const encoded = Object.entries(want).every(([k, v]) => url.searchParams.get(k) === v) && url.hash === token.hash;
        // 3.13's URL always has a '?' here (the token's ?n=).
        const raw =
          step.url +
          Object.entries(want)
            .map(([k, v]) => (v === null ? '' : `&${k}=${v}`))
            .join('');
        if (encoded && theirs.src === new URL(raw).href) theirs.src = frame.src;
      }
    },
  },
  {
    id: 'iframe allow attribute',
    reason: 'SPEC §4: clipboard (and camera/microphone) are granted to the Link origin only; 3.13 grants clipboard-read and clipboard-write to *.',
    normalize(step, ours, upstream) {
      for (const [i, frame] of linkFrames(ours.dom).entries()) {
        const theirs = linkFrames(upstream.dom)[i];
        if (!theirs?.src) continue;
        const origin = new URL(theirs.src).origin;
        const scoped = ['clipboard-read', 'clipboard-write', 'camera', 'microphone'].map((f) => `${f} ${origin}`).join('; ');
        if (frame.allow === scoped && theirs.allow === `clipboard-read *; clipboard-write *; camera ${origin}; microphone ${origin}`) theirs.allow = scoped;
      }
    },
  },
  {
    id: 'prewarm timing',
    reason: 'SPEC §10: the prewarm frame is added by createLink(), never at import (import stays SSR-safe); 3.13 adds it when the module is imported.',
    normalize(step, ours, upstream) {
      if (step.do === 'load' && ours.dom.prewarm === null && upstream.dom.prewarm !== null) upstream.dom.prewarm = null;
    },
  },
  {
    id: 'no <style> element, no body{position:fixed}',
    reason: 'SPEC §4/§10: the overlay is styled by a constructed stylesheet (strict CSP) and keeps the page scroll position; 3.13 adds a <style> element whose body{position:fixed} rule breaks both.',
    normalize(step, ours, upstream) {
      if (!ours.dom || !upstream.dom) return;
      if (upstream.dom.styleElements === ours.dom.styleElements + 1) upstream.dom.styleElements = ours.dom.styleElements;
      if (upstream.dom.bodyPosition === 'fixed' && ours.dom.bodyPosition === 'static') upstream.dom.bodyPosition = 'static';
    },
  },
  {
    id: 'wallet bridge compared elsewhere',
    reason:
      'SPEC §11: both start a wallet bridge on every openLink (compared in depth by bridge-differential.test.mjs); where a build has none, its Comlink replies and wallet discovery are not compared here. 3.13 also answers a Link message that merely carries a non-array `path` field with an unasked throw reply; ours answers Comlink requests only.',
    normalize(step, ours, upstream) {
      if (!ours.outbound) return;
      if (!ours.outbound.some(isComlinkReply)) upstream.outbound = upstream.outbound.filter((o) => !isComlinkReply(o));
      if (ours.dom?.walletRequests === 0) upstream.dom.walletRequests = 0;
    },
  },
];

// --- running a script against one SDK -----------------------------------------------------

/** After each page load: the instance table, and a count of wallet discoveries (EIP-6963). */
const PREPARE = () => {
  window.links = {};
  window.walletRequests = 0;
  addEventListener('eip6963:requestProvider', () => window.walletRequests++);
};

const DOM_STATE = () => {
  const el = (id) => document.getElementById(id);
  const frame = (f) => f && { src: f.src, allow: f.allow };
  const content = el('mesh-link-popup__popup-content');
  const look = content && getComputedStyle(content);
  return {
    overlay: ['mesh-link-popup', 'mesh-link-popup__backdrop', 'mesh-link-popup__popup-content', 'mesh-link-popup__iframe'].filter(el),
    popup: frame(el('mesh-link-popup__iframe')),
    embedded: [...document.querySelectorAll('iframe[data-host]')].map(frame),
    look: look && {
      width: look.width,
      height: look.height,
      radius: look.borderTopLeftRadius,
      frameRadius: getComputedStyle(el('mesh-link-popup__iframe')).borderTopLeftRadius,
      opacity: getComputedStyle(el('mesh-link-popup__backdrop')).opacity,
      zIndex: [getComputedStyle(el('mesh-link-popup')).zIndex, look.zIndex],
    },
    prewarm: el('mesh-link-prewarm-container') ? (el('mesh-link-prewarm-iframe')?.src ?? '') : null,
    styleElements: document.querySelectorAll('style').length,
    bodyPosition: getComputedStyle(document.body).position,
    walletRequests: window.walletRequests,
  };
};

/** Performs one step of a script (see runScript); returns what divergences need to know. */
async function act(step, ctx, index) {
  const { page } = ctx;
  // Our model of the open sessions (SPEC §5.5: at most one), instance → embedded?
  const sessions = (ctx.sessions ??= new Map());
  const options = (ctx.options ??= new Map());
  const facts = { openBefore: [...sessions.keys()], instanceOpen: sessions.has(step.instance) };
  switch (step.do) {
    case 'load':
      ctx.frames.clear();
      sessions.clear();
      break;
    case 'hostIframe':
      await page.evaluate((id) => {
        const f = document.createElement('iframe');
        f.id = id;
        f.dataset.host = '';
        document.body.append(f);
      }, step.id);
      break;
    case 'twin':
    case 'attacker': {
      const url = `${step.do === 'twin' ? servers.link : servers.attacker}/pages/link.html?${step.do}`;
      await page.evaluate((u) => {
        const f = document.createElement('iframe');
        f.src = u;
        document.body.append(f);
      }, url);
      ctx.frames.set(step.do, await frameWhere(page, (u) => u === url));
      break;
    }
    case 'create':
      options.set(step.instance, step.options);
      await page.evaluate(({ instance, options }) => (window.links[instance] = window.sdk.createLink(window.recorder(instance, options))), step);
      // A prewarm frame's request must have started before a next step removes the frame.
      if (await page.evaluate(() => document.getElementById('mesh-link-prewarm-iframe') !== null)) {
        for (let i = 0; i < 100 && !ctx.requests.includes(PREWARM); i++) await new Promise((r) => setTimeout(r, 20));
      }
      break;
    case 'open':
    case 'openLink':
    case 'openToken': {
      if (step.do === 'open') options.set(step.instance, step.options);
      const url = step.do === 'openToken' ? null : `${servers.link}/pages/link.html?n=${index}${step.query}`;
      Object.assign(facts, { url, options: options.get(step.instance) });
      facts.iframeFound = step.iframe ? await page.evaluate((id) => document.getElementById(id) !== null, step.iframe) : undefined;
      ctx.threw = await page.evaluate(
        async ({ create, instance, options, token, iframe }) => {
          if (create) window.links[instance] = window.sdk.createLink(window.recorder(instance, options));
          try {
            await window.links[instance].openLink(token, iframe);
          } catch (e) {
            return e.name;
          }
        },
        { create: step.do === 'open', instance: step.instance, options: step.options, token: url ? tokenFor(url) : step.token, iframe: step.iframe },
      );
      if (url && step.frame) {
        ctx.frames.set(step.instance, await frameWhere(page, (u) => u.startsWith(servers.link) && new URL(u).searchParams.get('n') === String(index)));
        ctx.current = step.instance;
        sessions.clear();
        sessions.set(step.instance, options.get(step.instance)?.renderType === 'embedded');
      }
      break;
    }
    case 'send': {
      // The runner posts the messages.
      const from = step.from ?? ctx.current;
      Object.assign(facts, { stranger: from === 'twin' || from === 'attacker', senderOpen: sessions.has(from) });
      if (step.messages.some(isExit)) sessions.delete(from);
      break;
    }
    case 'hostSend': {
      const seen = await page.evaluate(() => window.sentinels);
      await page.evaluate((ms) => [...ms, { type: '__sentinel' }].forEach((msg) => postMessage(msg, '*')), step.messages);
      await page.waitForFunction((n) => window.sentinels > n, seen);
      break;
    }
    case 'closeLink':
      await page.evaluate((i) => window.links[i].closeLink(), step.instance);
      sessions.delete(step.instance);
      break;
    case 'closeLinkRequested':
      await page.evaluate((i) => window.links[i].closeLinkRequested(), step.instance);
      if (!sessions.get(step.instance)) sessions.delete(step.instance);
      break;
  }
  return facts;
}

const run = (sdk, script) => runScript(browser, servers, { sdk, script, act, domState: DOM_STATE, prepare: PREPARE });

describe('same scripted sessions, createLink of this SDK vs @meshconnect/web-link-sdk 3.13.0', () => {
  test(`${Object.keys(SCRIPTS).length} scripts are defined (at least 30)`, () => {
    assert.ok(Object.keys(SCRIPTS).length >= 30);
  });

  test('the scripts send every event key of 3.13', () => {
    assert.deepEqual(Object.keys(EVENTS).sort(), upstreamEventKeys().sort());
    assert.equal(Object.keys(EVENTS).length, 43);
    const sent = new Set(Object.values(SCRIPTS).flatMap((s) => s.flatMap((step) => (step.messages ?? []).map((msg) => msg?.type))));
    assert.deepEqual(
      Object.keys(EVENTS).filter((k) => !sent.has(k)),
      [],
    );
  });

  test('isLinkEventTypeKey answers alike', async () => {
    const probes = [...upstreamEventKeys(), 'loaded', 'brokerageAccountAccessToken', 'transferFinished', 'oauthLinkOpen', 'toString', '__proto__', '', 'DONE'];
    const answers = [];
    for (const sdk of ['ours', 'mesh-upstream']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${servers.host}/pages/host.html?sdk=${sdk}`);
      await page.waitForFunction(() => window.sdkReady === true);
      answers.push(await page.evaluate((keys) => keys.map((k) => window.sdk.isLinkEventTypeKey(k)), probes));
      await context.close();
    }
    assert.deepEqual(answers[0], answers[1]);
  });

  const used = new Set();
  for (const [name, script] of Object.entries(SCRIPTS)) {
    test(name, async () => {
      const [ours, upstream] = [await run('ours', script), await run('mesh-upstream', script)];
      for (const id of assertSameTraces(name, ours, upstream, DIVERGENCES, { saveTo: join(artifacts, 'differential-mesh') })) used.add(id);
    });
  }

  // A divergence no script needs any more is stale: drop it from the table.
  test('every listed divergence shows up in some script', () => {
    assert.deepEqual(
      DIVERGENCES.map((d) => d.id).filter((id) => !used.has(id)),
      [],
    );
  });
});

export { DIVERGENCES, SCRIPTS };
