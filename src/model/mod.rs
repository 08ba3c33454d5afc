//! The domain core: statement lines, the figures of one municipality,
//! the checks of the statements' identities, key ratios and the strategy's
//! indicators. No I/O here and nothing of the command line.

pub mod cents;
pub mod dataset;
pub mod findings;
pub mod indicators;
pub mod items;
pub mod labels;
pub mod location;
pub mod money;
pub mod peers;
pub mod plausibility;
pub mod price_index;
pub mod projection;
pub mod ratios;
pub mod reason;
pub mod rules;
pub mod scenario;
pub mod simulate;
pub mod solve;
pub mod statutory;
pub mod targets;
pub mod uncertainty;
pub mod validate;
