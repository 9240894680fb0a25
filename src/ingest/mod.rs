//! Reading what people type or export: typed numbers and CSV files.
//!
//! Ingestion is kept apart from analysis: this module turns bytes and text
//! into values (numbers, dates, tables, orders) and says precisely why a
//! piece could not be read; it computes no metric.

pub mod codepages;
pub mod columns;
pub mod currency;
pub mod date;
pub mod decode;
pub mod duration;
pub mod headers;
pub mod intern;
pub mod log;
pub mod number;
pub mod options;
pub mod preview;
pub mod skips;
pub mod status;
pub mod table;
