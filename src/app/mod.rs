//! The application layer between the commands and the model: reading a
//! dataset and scenarios, projecting and measuring, gathering a report's
//! document, writing output whole. A command parses its flags, calls these
//! and picks a printer; commands never call each other.

pub mod batch;
pub mod check;
pub mod dataset;
pub mod document;
pub mod evaluate;
pub mod output;
pub mod project;
pub mod scenarios;
pub mod solve;
pub mod statutory;

pub use dataset::{load, refuse_errors, warning};
pub use output::{emit, not_inputs, write_atomically};
