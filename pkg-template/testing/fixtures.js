// Payloads a Link UI sends, per face: 1.1.9's fields only for 'front', 3.13's
// for 'link'. Invented values in the protocol's shapes; each is checked
// against the core's schema and, for 1.1.9, against its typings
// (tests/js/kit/testing.test.mjs). Each call makes new objects: a test may
// change what it gets.
const brand = () => ({ brokerLogo: 'iVBORw0KGgo=', brokerPrimaryColor: '#00C805' });

function accessToken(face, { accounts, broker } = {}) {
  const type = broker?.type ?? 'robinhood';
  const name = broker?.name ?? 'Robinhood';
  const list = accounts ?? [
    { accountId: 'acc-1', accountName: 'Individual brokerage', fund: 1250.42, cash: 310 },
    { accountId: 'acc-2', accountName: 'Roth IRA', cash: 0 },
  ];
  return {
    accountTokens: list.map((account, i) => {
      const token = { account: { accountId: `acc-${i + 1}`, accountName: `Account ${i + 1}`, ...account }, accessToken: `at-${type}-${i + 1}`, refreshToken: `rt-${type}-${i + 1}` };
      if (face === 'link') token.tokenId = `tok-${type}-${i + 1}`;
      return token;
    }),
    brokerBrandInfo: brand(),
    expiresInSeconds: 600,
    refreshTokenExpiresInSeconds: 7776000,
    brokerType: type,
    brokerName: name,
  };
}

const delayedAuth = () => ({ refreshTokenExpiresInSeconds: 2592000, brokerType: 'vanguard', refreshToken: 'rt-vanguard-delayed', brokerName: 'Vanguard', brokerBrandInfo: { brokerLogo: '' } });

const transferPreviewed = () => ({
  amount: 0.015,
  symbol: 'ETH',
  toAddress: '0x9Bf6207f8A3f4278E0C989527015deFe10e5D7c6',
  networkId: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611',
  previewId: 'preview-1',
  networkName: 'Ethereum',
  amountInFiat: 51.3,
});

function transferSuccess(face) {
  const payload = {
    status: 'success',
    txId: 'tx-1',
    fromAddress: '0x1111111111111111111111111111111111111111',
    toAddress: '0x9Bf6207f8A3f4278E0C989527015deFe10e5D7c6',
    symbol: 'ETH',
    amount: 0.015,
    networkId: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611',
  };
  if (face === 'link') Object.assign(payload, { amountInFiat: 51.3, networkName: 'Ethereum', txHash: '0xabc123', transferId: 'transfer-1' });
  return payload;
}

const transferError = () => ({ status: 'error', errorMessage: 'Insufficient balance for network fee' });
const summary = () => ({ page: 'integrationConnectedPage', selectedIntegration: { id: 'robinhood', name: 'Robinhood' } });

function of(face) {
  return Object.freeze({
    accessToken: (script) => accessToken(face, script),
    delayedAuth,
    transferPreviewed,
    transferSuccess: () => transferSuccess(face),
    transferError,
    summary,
  });
}

/** Payload makers per face. */
export const fixtures = Object.freeze({ link: of('link'), front: of('front') });
