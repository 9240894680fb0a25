//! Reading what people type or export: numbers now, CSV files later.
//!
//! Ingestion is kept apart from analysis: this module turns text into values
//! and says precisely why a piece of text could not be read; it computes no
//! metric.

pub mod number;
