// What the simulated Mesh knows: integrations, their accounts and holdings.
// Shapes follow Mesh's public API (tests/fixtures/link-messages.json).

export const integrations = [
  {
    id: 'robinhood',
    name: 'Robinhood',
    type: 'robinhood',
    kind: 'Brokerage',
    color: '#00C805',
    mfa: true,
    accounts: [
      { accountId: '5FUVPB0', accountName: 'Margin account', fund: 1250.42, cash: 310.0 },
      { accountId: '7QX2LL9', accountName: 'Roth IRA', fund: 8800.1, cash: 0 },
    ],
    holdings: {
      equityPositions: [
        { symbol: 'AAPL', amount: 3, costBasis: 109 },
        { symbol: 'F', amount: 27, costBasis: 7.05791 },
      ],
      cryptocurrencyPositions: [
        { symbol: 'DOGE', amount: 1503, costBasis: 0.033 },
        { symbol: 'BTC', amount: 0.0301672, costBasis: 18000 },
      ],
      notSupportedEquityPositions: [{ symbol: 'CUSIP38259P508', amount: 1 }],
    },
  },
  {
    id: 'coinbase',
    name: 'Coinbase',
    type: 'coinbase',
    kind: 'Exchange',
    color: '#0052FF',
    mfa: true,
    accounts: [{ accountId: 'cb-main-01', accountName: 'Coinbase wallet', fund: 4210.77, cash: 120.5 }],
    holdings: {
      cryptocurrencyPositions: [
        { symbol: 'ETH', amount: 1.25, costBasis: 2100 },
        { symbol: 'USDC', amount: 540, costBasis: 1 },
        { symbol: 'SOL', amount: 12.4, costBasis: 95.2 },
      ],
    },
  },
  {
    id: 'alpaca',
    name: 'Alpaca',
    type: 'alpaca',
    kind: 'Brokerage',
    color: '#FCD72B',
    mfa: false,
    accounts: [{ accountId: 'alp-3321', accountName: 'Individual', fund: 15320, cash: 2200 }],
    holdings: {
      equityPositions: [
        { symbol: 'MSFT', amount: 10, costBasis: 280.5 },
        { symbol: 'NVDA', amount: 4, costBasis: 410 },
      ],
      optionPositions: [],
    },
  },
  {
    id: 'vanguard',
    name: 'Vanguard',
    type: 'vanguard',
    kind: 'Brokerage',
    color: '#96151D',
    mfa: false,
    delayed: true,
    accounts: [{ accountId: 'vg-9901', accountName: 'Brokerage account' }],
    holdings: { equityPositions: [{ symbol: 'VTI', amount: 42, costBasis: 201.3 }] },
  },
  {
    // Not a credentials flow: the Link UI reaches the host page's wallets
    // (EIP-6963) through the SDK's wallet bridge, connects one, has it sign a
    // message, then asks /link/api/wallet for an access token. `name` there is
    // the wallet's own; the holdings are simulated.
    id: 'browser-wallet',
    name: 'Browser wallet',
    type: 'deFiWallet',
    kind: 'Self-custody wallet in this browser (EIP-6963)',
    color: '#F6851B',
    wallet: true,
    mfa: false,
    accounts: [],
    holdings: {
      cryptocurrencyPositions: [
        { symbol: 'ETH', amount: 0.42, costBasis: 2650 },
        { symbol: 'USDC', amount: 125, costBasis: 1 },
      ],
    },
  },
];

export const assets = [
  {
    symbol: 'ETH',
    name: 'Ethereum',
    priceUsd: 3420.5,
    networks: [
      { id: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611', name: 'Ethereum', fee: 0.0004 },
      { id: '7436e9d0-ba42-4d2b-b4c0-8e4e606b2c12', name: 'Base', fee: 0.00002 },
    ],
  },
  {
    symbol: 'USDC',
    name: 'USD Coin',
    priceUsd: 1,
    networks: [
      { id: 'e3c7fdd8-b1fc-4e51-85ae-bb276e075611', name: 'Ethereum', fee: 1.2 },
      { id: '0291810a-5947-424d-9a59-e88bb33e999d', name: 'Solana', fee: 0.01 },
    ],
  },
  { symbol: 'SOL', name: 'Solana', priceUsd: 171.2, networks: [{ id: '0291810a-5947-424d-9a59-e88bb33e999d', name: 'Solana', fee: 0.000005 }] },
];

export const findIntegration = (id) => integrations.find((i) => i.id === id || i.type === id);

/** The catalog's "Browser wallet" entry. */
export const browserWallet = integrations.find((i) => i.wallet);
