//! Wallet Standard wallets (Solana, Bitcoin) as the bridge names them: the
//! ids the Link UI addresses them by, exactly as 1.7.0 derives them.

use alloc::string::String;

/// Which wallets a family takes, by their chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `solana:*` chains: `walletStandardWallets`.
    Solana,
    /// `bitcoin:*` chains (BIP-122): `bip122Wallets`.
    Bitcoin,
}

impl Family {
    fn prefix(self) -> &'static str {
        match self {
            Family::Solana => "solana:",
            Family::Bitcoin => "bitcoin:",
        }
    }

    /// Whether a wallet with these chains belongs to the family.
    pub fn takes<'a>(self, mut chains: impl Iterator<Item = &'a str>) -> bool {
        chains.any(|c| c.starts_with(self.prefix()))
    }

    /// `<name>-<chain>`, lower-cased, each run of whitespace one `-`. The
    /// chain is the first one (Solana, as 1.7.0: not the first Solana
    /// chain), or the first Bitcoin chain (Bitcoin), else `unknown`.
    ///
    /// Only ASCII letters are lower-cased here: the web layer passes names
    /// already lower-cased by the browser's `toLowerCase` (Unicode's case
    /// tables would add more to the wasm than all of this module).
    ///
    /// ```
    /// use front_link_wasm::protocol::Family;
    /// assert_eq!(Family::Solana.wallet_id("Trust Wallet", ["solana:mainnet"].into_iter()), "trust-wallet-solana:mainnet");
    /// let chains = ["eip155:1", "bitcoin:mainnet"];
    /// assert_eq!(Family::Bitcoin.wallet_id("MetaMask", chains.into_iter()), "metamask-bitcoin:mainnet");
    /// assert_eq!(Family::Solana.wallet_id("X", [].into_iter()), "x-unknown");
    /// ```
    pub fn wallet_id<'a>(self, name: &str, chains: impl Iterator<Item = &'a str> + Clone) -> String {
        let first = chains.clone().next();
        let chain = match self {
            Family::Solana => first,
            Family::Bitcoin => chains.clone().find(|c| c.starts_with(self.prefix())).or(first),
        };
        let mut id = String::new();
        let mut in_space = false;
        for c in name.chars().chain(['-']).chain(chain.filter(|c| !c.is_empty()).unwrap_or("unknown").chars()) {
            if c.is_whitespace() {
                if !in_space {
                    id.push('-');
                }
                in_space = true;
                continue;
            }
            in_space = false;
            id.push(c.to_ascii_lowercase());
        }
        id
    }
}
