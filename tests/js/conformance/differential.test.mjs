// Differential tests: the same scripted Link sessions run against
// @front-finance/link 1.1.9 and this package in one Chromium, with the Link
// UI a real iframe on another origin. For every step we record the callbacks
// (name, arguments, order, whether the overlay was still up), what the
// iframe received, and the overlay's DOM state. The traces must be equal,
// except for the divergences listed in DIVERGENCES, each with its reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameTraces, runScript } from '../support/differential-runner.mjs';
import { bundleUpstream, fixtures, frameAt, launch, startServers, tokenFor } from '../support/harness.mjs';

const m = fixtures.inbound;
const tokens = fixtures.outbound.frontAccessTokens.payload;
let servers;
let browser;

before(async () => {
  await bundleUpstream();
  servers = await startServers();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

// --- the scripts -----------------------------------------------------------------
// Steps: open (token for the stand-in, with options), send (messages from the
// Link frame), closeLink, closePopup, openPopup, reopen (same instance).

const open = (options = {}, query = '') => ({ do: 'open', options, query });
const send = (...messages) => ({ do: 'send', messages });
const style = (json) => `?link_style=${encodeURIComponent(Buffer.from(json).toString('base64'))}`;

const SCRIPTS = {
  'brokerageAccountAccessToken, two accounts': [open(), send(m.brokerageAccountAccessToken)],
  'brokerageAccountAccessToken, one account': [
    open(),
    send({ ...m.brokerageAccountAccessToken, payload: { ...m.brokerageAccountAccessToken.payload, accountTokens: m.brokerageAccountAccessToken.payload.accountTokens.slice(0, 1) } }),
  ],
  delayedAuthentication: [open(), send(m.delayedAuthentication)],
  'transferFinished success': [open(), send(m.transferFinishedSuccess)],
  'transferFinished error': [open(), send(m.transferFinishedError)],
  'loaded with accessTokens': [open({ accessTokens: tokens }), send(m.loaded)],
  'loaded with empty accessTokens': [open({ accessTokens: [] }), send(m.loaded)],
  'loaded with transferDestinationTokens': [open({ transferDestinationTokens: tokens }), send(m.loaded)],
  'loaded with both token options': [open({ accessTokens: tokens, transferDestinationTokens: [] }), send(m.loaded)],
  'loaded without token options': [open(), send(m.loaded)],
  'repeated loaded': [open({ accessTokens: tokens }), send(m.loaded), send(m.loaded), send(m.loaded)],
  'close with message': [open(), send(m.closeWithMessage)],
  'close without message': [open(), send({ type: 'close' })],
  'done with summary': [open(), send(m.doneWithSummary)],
  'done with message and summary': [open(), send({ ...m.doneWithSummary, message: 'Finished' })],
  'done whose summary carries errorMessage': [open(), send({ type: 'done', payload: { page: 'errorPage', errorMessage: 'Session expired' } })],
  'known events pass through with extra fields': [
    open(),
    send(
      m.integrationSelected,
      m.credentialsEntered,
      m.transferPreviewed,
      m.integrationConnectionError,
      { type: 'transferStarted', extra: 1 },
      { type: 'transferPreviewError', payload: { errorMessage: 'x' }, more: [1] },
      { type: 'transferExecutionError', payload: { errorMessage: 'y' } },
    ),
  ],
  'pageLoaded, integrationConnected and transferCompleted sent directly': [
    open(),
    send(
      { type: 'pageLoaded' },
      { type: 'integrationConnected', payload: { accessToken: m.brokerageAccountAccessToken.payload } },
      { type: 'transferCompleted', payload: m.transferFinishedSuccess.payload },
    ),
  ],
  'unknown types are ignored': [open(), send({ type: 'somethingElse', payload: {} }, { type: 'brokerageAccountAccessTokenX' }, { type: 'frontAccessTokens', payload: [] })],
  'later event keys': [open(), send({ type: 'transferExecuted', payload: { txId: 't' } }, { type: 'integrationMfaRequired' }, m.credentialsEntered)],
  oauthLinkOpen: [open(), send(m.oauthLinkOpen)],
  openPopup: [{ do: 'openPopup' }, send(m.integrationSelected)],
  'closeLink mid-flow': [open(), send(m.loaded, m.integrationSelected), { do: 'closeLink' }],
  'closePopup mid-flow': [open(), send(m.integrationSelected), { do: 'closePopup' }],
  'reopen after closeLink': [open(), { do: 'closeLink' }, { do: 'reopen', query: '?second' }, send(m.credentialsEntered)],
  'reopen after done': [open(), send(m.doneWithSummary), { do: 'reopen', query: '?second' }, send(m.brokerageAccountAccessToken)],
  'reopen while open': [open(), { do: 'reopen', query: '?second' }, send(m.integrationSelected)],
  'closeLink with no session': [open(), send(m.closeWithMessage), { do: 'closeLink' }],
  'link_style radius and opacity': [open({}, style('{"ir":8,"io":0.3}'))],
  'link_style radius only': [open({}, style('{"ir":0}'))],
  'link_style with a CSS injection': [open({}, style('{"ir":"0;}body{display:none","io":0.5}'))],
  'empty token': [{ do: 'openToken', token: '' }],
  'full connect session': [open(), send(m.loaded, m.integrationSelected, m.credentialsEntered, m.brokerageAccountAccessToken, m.doneWithSummary)],
  'full transfer session': [
    open({ accessTokens: tokens }),
    send(m.loaded, { type: 'transferStarted' }, m.transferPreviewed, m.transferFinishedSuccess, { type: 'done', payload: { page: 'transferSuccessPage' } }),
  ],
};

// --- the expected divergences ----------------------------------------------------------

const isExitMessage = (msg) => msg && (msg.type === 'close' || msg.type === 'done');
const LATER_KEYS = new Set(['transferExecuted', 'integrationMfaRequired']);

const DIVERGENCES = [
  {
    id: 'meshSDKSpecs',
    reason: 'SPEC §3: this SDK announces itself ({platform, version, origin}) on every loaded, as later upstream SDKs do; 1.1.9 predates it.',
    normalize(step, ours) {
      ours.outbound = ours.outbound.filter((o) => o.data.type !== 'meshSDKSpecs');
    },
  },
  {
    id: 'onExit arguments and order',
    reason: 'SPEC §3: close/done remove the overlay, then call onExit(data.message ?? data.payload?.errorMessage, data.payload). 1.1.9 calls onExit(data.message) before removing the overlay.',
    normalize(step, ours, upstream) {
      if (step.do !== 'send') return;
      const exits = step.messages.filter(isExitMessage);
      for (const [i, call] of ours.calls.entries()) {
        if (call.name !== 'onExit' || call.args.length === 0) continue;
        const msg = exits.shift();
        const theirs = upstream.calls[i];
        const fallback = typeof msg?.message !== 'string' && call.args[0] === msg?.payload?.errorMessage;
        call.args = [fallback ? undefined : call.args[0]];
        if (theirs?.name === 'onExit') theirs.overlay = call.overlay;
      }
    },
  },
  {
    id: 'closeLink without a session',
    reason: 'SPEC §5.6: onExit fires exactly once per session; 1.1.9 calls onExit() on every closeLink, even with nothing open.',
    normalize(step, ours, upstream) {
      if (step.do === 'closeLink' && ours.calls.length === 0 && upstream.calls.length === 1 && upstream.calls[0].args.length === 0) upstream.calls = [];
    },
  },
  {
    id: 'superseded session',
    reason: 'SPEC §5.5: opening a session ends the open one, whose onExit() fires; 1.1.9 replaces it silently.',
    normalize(step, ours) {
      if (step.do === 'reopen' && step.wasOpen && ours.calls[0]?.name === 'onExit' && ours.calls[0].args.length === 0) ours.calls.shift();
    },
  },
  {
    id: 'later event keys',
    reason: 'SPEC §3: the event keys of later Link UIs are passed to onEvent; 1.1.9 only knows its ten.',
    normalize(step, ours) {
      ours.calls = ours.calls.filter((c) => !(c.name === 'onEvent' && LATER_KEYS.has(c.args[0]?.type)));
    },
  },
  {
    id: 'link_style validation',
    reason: 'SPEC §4: link_style values that are not finite numbers in range are ignored (1.1.9 writes them into CSS).',
    normalize(step, ours, upstream) {
      if (step.do === 'open' && step.query.includes('link_style') && /"ir":"/.test(Buffer.from(decodeURIComponent(step.query.split('=')[1]), 'base64').toString())) {
        // 1.1.9 writes the string into its stylesheet, which also breaks the card's rule.
        if (ours.dom && upstream.dom) Object.assign(upstream.dom, { radius: ours.dom.radius, background: ours.dom.background });
      }
    },
  },
];

// --- running a script against one SDK ----------------------------------------------------

const DOM_STATE = () => {
  const root = document.getElementById('front-link-popup');
  if (!root) return null;
  const byId = (id) => getComputedStyle(document.getElementById(id));
  const content = byId('front-link-popup__popup-content');
  return {
    src: document.getElementById('front-link-popup__iframe').src,
    iframes: document.querySelectorAll('iframe').length,
    width: content.width,
    height: content.height,
    radius: content.borderTopLeftRadius,
    background: content.backgroundColor,
    opacity: byId('front-link-popup__backdrop').opacity,
    zIndex: [byId('front-link-popup').zIndex, content.zIndex],
    bodyDisplay: getComputedStyle(document.body).display,
  };
};

/** Performs one step of a script on the host page (see runScript). */
async function act(step, ctx) {
  const { page } = ctx;
  const facts = { wasOpen: ctx.open ?? false };
  switch (step.do) {
    case 'open':
    case 'reopen': {
      const url = `${servers.link}/pages/link.html${step.query ?? ''}`;
      await page.evaluate(
        ({ reuse, options, token }) => {
          if (!reuse) window.link = window.sdk.createFrontConnection(window.recorder('', options));
          return window.link.openLink(token);
        },
        { reuse: step.do === 'reopen', options: step.options, token: tokenFor(url) },
      );
      ctx.frames.set('link', await frameAt(page, url));
      ctx.current = 'link';
      ctx.open = true;
      break;
    }
    case 'openPopup': {
      const url = `${servers.link}/pages/link.html?popup`;
      await page.evaluate((u) => {
        window.link = window.sdk.createFrontConnection(window.recorder());
        return window.link.openPopup(u);
      }, url);
      ctx.frames.set('link', await frameAt(page, url));
      ctx.current = 'link';
      ctx.open = true;
      break;
    }
    case 'openToken':
      await page.evaluate((t) => {
        window.link = window.sdk.createFrontConnection(window.recorder());
        return window.link.openLink(t);
      }, step.token);
      break;
    case 'send': // the runner posts the messages
      if (step.messages.some(isExitMessage)) ctx.open = false;
      break;
    case 'closeLink':
    case 'closePopup':
      await page.evaluate((method) => window.link[method](), step.do);
      ctx.open = false;
      break;
  }
  return facts;
}

const run = (sdk, script) => runScript(browser, servers, { sdk, script, act, domState: DOM_STATE });

describe('same scripted sessions, this SDK vs @front-finance/link 1.1.9', () => {
  test(`${Object.keys(SCRIPTS).length} scripts are defined (at least 30)`, () => {
    assert.ok(Object.keys(SCRIPTS).length >= 30);
  });

  for (const [name, script] of Object.entries(SCRIPTS)) {
    test(name, async () => {
      const [ours, upstream] = [await run('ours', script), await run('upstream', script)];
      assertSameTraces(name, ours, upstream, DIVERGENCES);
    });
  }
});

export { DIVERGENCES, SCRIPTS };
